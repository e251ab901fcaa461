//! Business expansion (业扩报装): projects, firms, documents, messages.
//! Data only: the entries join the one `Msg` table (see `messages.rs`).

macro_rules! projects_messages {
    ($next:ident $($rest:ident)* ; $($done:tt)*) => { $next! { $($rest)* ; $($done)*
    NavProjects => "业扩报装", "Connections";
    NavInbox => "消息", "Messages";
    ProjectsMine => "我的报装", "My connection projects";
    ProjectsFirm => "委托项目", "Projects assigned to your firm";
    ProjectsBoard => "业扩报装看板", "Connection projects board";
    ProjectApplyTitle => "申请新装或增容", "Apply for a new connection or more capacity";
    ProjectTitleField => "项目名称", "Project name";
    ProjectAddress => "用电地址", "Address to connect";
    ProjectHall => "所属营业厅", "Hall for your area";
    ProjectKindField => "业务类型", "Type";
    ProjectKindNew => "新装", "New connection";
    ProjectKindIncrease => "增容", "Capacity increase";
    ProjectCapacity => "申请容量（kVA）", "Capacity (kVA)";
    ProjectDual => "双电源", "Dual source";
    ProjectSubmit => "提交申请", "Apply";
    ProjectsEmpty => "暂无项目", "No projects yet";
    ProjectHolder => "待办方", "Whose turn";
    DueLeft => "剩 {} 个工作日", "{} working days left";
    DueOver => "已超期 {} 个工作日", "{} working days overdue";
    MyTurn => "待您办理", "Your turn";
    FilterStage => "环节", "Stage";
    FilterAll => "全部", "All";
    FilterOverdue => "只看超期", "Overdue only";
    SearchProjects => "搜索（编号、名称、地址、客户）", "Search (number, name, address, customer)";
    ExportCsv => "导出时限报表（CSV）", "Export durations (CSV)";
    OnTimeTitle => "按时率", "On-time rates";
    OnTimeRate => "按时", "On time";
    FirmDirectory => "合格单位名录", "Directory of qualified firms";
    ValidUntil => "资质有效期至", "valid until";
    Timeline => "办理进度", "Progress";
    EnergizeOn => "预计送电日期", "Expected power-on date";
    DaysSplit => "已用工作日：供电公司 {u} 天，客户及各单位 {c} 天", "Working days so far: utility {u}, customer and firms {c}";
    LimitDays => "时限 {} 个工作日", "limit {} working days";
    ActionsTitle => "待办操作", "What you can do";
    ActionsNone => "目前没有需要您办理的事项", "Nothing waits for you now";
    UploadFor => "上传", "Upload";
    Uploaded => "已上传", "Uploaded";
    ChooseFirm => "选择单位", "Choose a firm";
    Reason => "说明", "Reason";
    Submit => "提交", "Submit";
    DocumentsTitle => "资料", "Documents";
    Superseded => "已被替换", "Superseded";
    CommentsTitle => "留言", "Comments";
    CommentAdd => "发表留言", "Add a comment";
    AuditTitle => "全程记录", "Audit trail";
    AuditOpened => "提交申请", "Applied";
    AuditUpload => "上传资料", "Uploaded a document";
    AuditComment => "留言", "Commented";
    FirmsTitle => "参建单位", "Firms";
    FirmPending => "待接受", "Awaiting acceptance";
    FirmAccepted => "已接受", "Accepted";
    InboxTitle => "消息", "Messages";
    InboxEmpty => "暂无消息", "No messages";
    NoticeYourTurn => "轮到您办理：", "Your turn: ";
    NoticeProgress => "进度更新：", "Progress: ";
    NoticeAssigned => "贵单位被选中，请接受或拒绝：", "Your firm was chosen; accept or decline: ";
    NoticeDueSoon => "即将到期：", "Due soon: ";
    NoticeOverdue => "已超期，请督办：", "Overdue, please follow up: ";
    OutboxTitle => "短信外发记录", "SMS outbox";
    OutboxLead => "未配置短信通道时，短信只记录在这里，不会真正发出。", "With no SMS provider configured, messages are only logged here, not sent.";
    } };
}
