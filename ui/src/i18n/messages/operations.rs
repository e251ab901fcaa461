//! Operations: the dashboard and the public live wait.
//! Data only: the entries join the one `Msg` table (see `messages.rs`).

macro_rules! operations_messages {
    ($next:ident $($rest:ident)* ; $($done:tt)*) => { $next! { $($rest)* ; $($done)*
    OpsNav => "运营看板", "Operations";
    OpsTitle => "运营看板", "Operations dashboard";
    OpsCity => "全市", "Whole city";
    OpsFrom => "开始日期", "From";
    OpsTo => "结束日期", "To";
    OpsTmax => "最长可接受等候（分钟）", "Longest acceptable wait (min)";
    OpsShow => "查看", "Show";
    OpsRange => "日期", "Dates";
    OpsTotals => "合计", "Totals";
    OpsTickets => "取号数", "Tickets";
    OpsServed => "已办结", "Served";
    OpsNotServed => "未办理", "Not served";
    OpsMeanWait => "平均等候（分钟）", "Mean wait (min)";
    OpsP90Wait => "90% 等候不超过（分钟）", "90th percentile wait (min)";
    OpsMeanService => "平均办理（分钟）", "Mean service (min)";
    OpsP90Service => "90% 办理不超过（分钟）", "90th percentile service (min)";
    OpsWithinTmax => "按时叫号率", "Called within Tmax";
    OpsNoShow => "过号率", "No-show rate";
    OpsCancel => "取消或离开率", "Cancelled or left";
    OpsStars => "满意度（星）", "Satisfaction (stars)";
    OpsPerHour => "每小时取号（日均）", "Tickets per hour (per day)";
    OpsPerDay => "每日取号", "Tickets per day";
    OpsDay => "日期", "Day";
    OpsDayTotal => "全天", "Whole day";
    OpsWeekday => "星期", "Weekday";
    OpsHour => "时段", "Hour";
    OpsBusiness => "业务", "Business";
    OpsByBusiness => "按业务", "By business";
    OpsByCounter => "按窗口", "By counter";
    OpsByStaff => "按工作人员", "By staff member";
    OpsByHall => "按营业厅", "By hall";
    OpsHeatmap => "到达热力图（日均人数）", "Arrivals by weekday and hour (mean per day)";
    OpsForecast => "下周预测（每小时到达人数）", "Next week's forecast (arrivals per hour)";
    OpsStaffing => "窗口配置建议", "Staffing recommendation";
    OpsStaffingNote => "建议数按 80% 的客户在最长可接受等候内被叫号计算；Erlang A 计入约 13.5 分钟后离开的客户；实际开放为该时段办理过业务的窗口数（日均）；签到开放为按窗口签到记录计算的开放窗口数（不含暂停，日均）。", "Counters for 80% of customers called within Tmax; Erlang A counts customers who leave after about 13.5 minutes; actually open is the counters that served in the hour, signed in the counters open by the sign-in record, pauses excluded (both mean per day).";
    OpsOneHallOnly => "请选择一个营业厅查看窗口配置建议。", "Choose a hall to see its staffing recommendation.";
    OpsArrivals => "到达（人/小时）", "Arrivals per hour";
    OpsRecommendedC => "建议（Erlang C）", "Recommended (Erlang C)";
    OpsRecommendedA => "建议（Erlang A）", "Recommended (Erlang A)";
    OpsActual => "实际开放", "Actually open";
    OpsStaffed => "签到开放", "Signed in";
    OpsAllTypes => "全部业务", "All business";
    OpsVideo => "视频服务台（全市）", "Video desk (whole city)";
    OpsCalls => "通话", "Calls";
    OpsMeanMinutes => "平均时长（分钟）", "Mean length (min)";
    OpsCallbacks => "回拨请求", "Callbacks asked";
    OpsCallbacksOpen => "待回拨", "Callbacks open";
    OpsCompliance => "时限达标", "Deadlines met";
    OpsWorkOrders => "工单按承诺办结", "Work orders on time";
    OpsProjects => "业扩环节按时", "Project stages on time";
    OpsExport => "导出 CSV", "Export CSV";
    ErrOpsFilter => "请检查：开始日期不能晚于结束日期，一次最多 92 天；最长可接受等候为 1–120 分钟。", "Check the dates (from before to, at most 92 days) and Tmax (1–120 minutes).";
    LiveWaitTitle => "各营业厅实时排队", "Live wait at every hall";
    LiveWaitPeople => "人等候", "waiting";
    LiveWaitClosed => "现在不营业", "Closed now";
    LiveWaitNoCounter => "暂无开放窗口", "No counter open";
    LiveWaitUpdated => "更新于", "Updated";
    LiveWaitData => "开放数据：", "Open data:";
    } };
}
