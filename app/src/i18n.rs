//! The one i18n layer: every string the app shows is a `Msg` with its zh-CN and English text.
//! A missing translation is a compile error, not a blank on screen.

use crate::state::use_app;
use domain::halls::BusinessType;
use domain::notices::NoticeState;
use domain::Role;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn parse(code: &str) -> Lang {
        if code.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)+ }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

messages! {
    AppName => "网上营业厅", "Online Business Hall";
    Utility => "江城供电", "Jiangcheng Power Supply";
    NavHome => "首页", "Home";
    NavNotices => "公告", "Notices";
    NavConsole => "工作台", "Console";
    NavLogin => "登录", "Log in";
    NavRegister => "注册", "Register";
    Logout => "退出登录", "Log out";
    LangSwitch => "English", "中文";
    LangSwitchLabel => "切换到英文", "Switch to Chinese";
    ElderMode => "长辈模式", "Elder mode";
    Loading => "正在加载…", "Loading…";
    Retry => "重试", "Try again";
    Close => "关闭", "Close";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    HomeLead => "足不出户办电，营业厅信息一目了然", "Do your electricity business from home";
    HallsTitle => "营业厅", "Business halls";
    LatestNotices => "最新公告", "Latest notices";
    PostersTitle => "服务指南", "What's on";
    OutagesTitle => "计划停电", "Planned outages";
    OutageNow => "停电中", "Now";
    OutageTicker => "计划停电", "Planned outage";
    ManagePosters => "宣传海报", "Posters";
    ManageOutages => "计划停电", "Planned outages";
    PosterTitle => "海报标题", "Poster title";
    PosterBody => "海报文字（有图片时可不填）", "Poster text (optional with an image)";
    PosterImage => "海报图片（PNG、JPEG 或 WebP，不超过 5 MB）", "Image (PNG, JPEG or WebP, at most 5 MB)";
    PosterImageReady => "图片已上传", "Image uploaded";
    PosterUploading => "正在上传图片…", "Uploading the image…";
    PosterHalls => "展示的营业厅（不选为全部）", "Halls (none ticked: every hall)";
    PosterPosition => "排序（小的在前）", "Order (lower first)";
    NewPoster => "新建海报", "New poster";
    EditPoster => "编辑海报", "Edit poster";
    PosterSaved => "海报已保存", "Poster saved";
    ConfirmWithdrawPoster => "确定撤下这张海报？", "Take this poster down?";
    OutageArea => "停电范围", "Area";
    OutageReason => "停电原因", "Reason";
    OutageEnds => "结束时间", "Ends";
    NewOutage => "发布停电通知", "Announce an outage";
    OutageSaved => "停电通知已发布", "Outage announced";
    ConfirmWithdrawOutage => "确定撤回这条停电通知？", "Withdraw this outage notice?";
    AllNotices => "全部公告", "All notices";
    OpenNow => "营业中", "Open";
    ClosedNow => "休息中", "Closed";
    TodayHours => "今日营业", "Today";
    ClosedToday => "今日休息", "Closed today";
    Opens => "下次营业", "Opens";
    Address => "地址", "Address";
    Phone => "电话", "Phone";
    WeeklyHours => "营业时间", "Opening hours";
    Counters => "服务窗口", "Counters";
    CounterNo => "号窗口", "Counter";
    HallNotices => "本厅公告", "Notices for this hall";
    NoNotices => "暂无公告", "No notices right now";
    AllHalls => "全部营业厅", "All halls";
    CityWide => "全市", "All halls";
    FilterHall => "按营业厅筛选", "Filter by hall";
    Mon => "周一", "Mon";
    Tue => "周二", "Tue";
    Wed => "周三", "Wed";
    Thu => "周四", "Thu";
    Fri => "周五", "Fri";
    Sat => "周六", "Sat";
    Sun => "周日", "Sun";
    Closed => "休息", "Closed";
    LoginTitle => "登录", "Log in";
    LoginField => "手机号或工号", "Mobile number or staff login";
    Password => "密码", "Password";
    PasswordConfirm => "确认密码", "Confirm password";
    PasswordHint => "至少 8 位，需同时包含字母和数字", "At least 8 characters with letters and digits";
    LoginButton => "登录", "Log in";
    NoAccount => "还没有账号？", "No account yet?";
    HaveAccount => "已有账号？", "Already registered?";
    RegisterTitle => "注册新用户", "Create an account";
    RegisterButton => "注册", "Register";
    MobileNumber => "手机号", "Mobile number";
    Name => "姓名", "Name";
    PasswordsDiffer => "两次输入的密码不一致", "The passwords do not match";
    Welcome => "欢迎，", "Welcome, ";
    LoggedOut => "已退出登录", "You are logged out";
    AccountTitle => "我的账户", "My account";
    Role => "身份", "Role";
    KeyAccount => "大客户", "Key account";
    ChangePassword => "修改密码", "Change password";
    CurrentPassword => "当前密码", "Current password";
    NewPassword => "新密码", "New password";
    PasswordChanged => "密码已修改", "Password changed";
    PleaseLogin => "请先登录", "Please log in first";
    ConsoleTitle => "工作台", "Staff console";
    NotAllowed => "您的账号无权使用此功能", "Your account may not use this";
    NoticesTitle => "公告", "Notices";
    ManageNotices => "公告管理", "Manage notices";
    NewNotice => "发布公告", "New notice";
    EditNotice => "编辑公告", "Edit notice";
    NoticeTitle => "标题", "Title";
    NoticeBody => "内容", "Text";
    NoticeHall => "适用营业厅", "Hall";
    StartsAt => "开始时间", "Starts";
    EndsAt => "结束时间（可不填）", "Ends (optional)";
    Publish => "发布", "Publish";
    Edit => "编辑", "Edit";
    Withdraw => "撤回", "Withdraw";
    ConfirmWithdraw => "确定撤回此公告？撤回后不可恢复。", "Withdraw this notice? This cannot be undone.";
    NoticePublished => "公告已保存", "Notice saved";
    NoticeWithdrawn => "公告已撤回", "Notice withdrawn";
    StateScheduled => "待发布", "Scheduled";
    StatePublished => "已发布", "Published";
    StateExpired => "已过期", "Expired";
    StateWithdrawn => "已撤回", "Withdrawn";
    Until => "至", "until";
    BadTime => "请填写正确的时间", "Enter a valid date and time";
    BadNumber => "请填写整数", "Enter a whole number";
    UsersTitle => "用户管理", "Users";
    NewUser => "新建账号", "New account";
    LoginName => "登录名", "Login";
    Hall => "营业厅", "Hall";
    Firm => "单位", "Firm";
    None => "无", "None";
    UserCreated => "账号已创建", "Account created";
    DisplayTitle => "叫号大屏", "Hall display";
    NowCalling => "正在呼叫", "Now calling";
    LastCalls => "最近叫号", "Recent calls";
    DisplayUnpaired => "此屏幕尚未配对", "This display is not paired";
    DisplayHowToPair => "请大厅经理在“工作台 → 大厅屏幕”中新建屏幕，用这台电视打开生成的链接或扫描二维码。", "Ask the hall manager to add a display under Console → Hall screens, then open its link or scan its QR code on this TV.";
    DisplayOffline => "离线，正在重连", "Offline, reconnecting";
    VoiceOn => "语音播报：开", "Voice: on";
    VoiceOff => "语音播报：关", "Voice: off";
    BroadcastLabel => "大厅通知", "Hall message";
    ScreensTitle => "大厅屏幕", "Hall screens";
    BroadcastField => "今日大厅通知（显示在大屏和每位排队客户的号票页）", "Today's hall message (on the TV and every waiting customer's ticket page)";
    BroadcastSet => "发布通知", "Publish message";
    BroadcastClear => "撤下通知", "Take down";
    BroadcastNone => "当前没有大厅通知。", "No hall message now.";
    AnnounceEnglish => "叫号时加播英文", "Also announce calls in English";
    DisplaysTitle => "已配对的电视", "Paired TVs";
    DisplayName => "屏幕名称，如“入口电视”", "Display name, e.g. Entrance TV";
    DisplayAdd => "新建屏幕", "Add display";
    DisplayRevoke => "停用", "Revoke";
    DisplayRevokedTag => "已停用", "Revoked";
    DisplayNeverSeen => "尚未连接", "Not connected yet";
    DisplayLastSeen => "最近连接", "Last connected";
    DisplayPairCaption => "用电视扫码或打开下面的链接完成配对。链接只显示这一次。", "Scan with the TV or open the link below to pair. The link is shown only this once.";
    ConfirmRevokeDisplay => "停用后这台电视将在几秒内停止显示。确定停用？", "The TV stops showing the hall within seconds. Revoke it?";
    NoCallsYet => "暂无叫号", "No calls yet";
    KioskTitle => "自助取号机", "Self-service kiosk";
    KioskChoose => "请点选要办理的业务，即可取号", "Tap what you need to take a number";
    KioskPhone => "手机号（选填，大客户自动识别）", "Mobile number (optional; key accounts are recognised)";
    KioskScanHall => "用手机扫码取号，排队进度随时看", "Scan to take a number on your phone and follow it there";
    KioskScanTicket => "扫码在手机上查看排队进度", "Scan to follow your place on your phone";
    KioskPrint => "打印号票", "Print ticket";
    KioskDone => "完成", "Done";
    KioskRate => "评价服务", "Rate a service";
    KioskRateNumber => "您的号码，如 A012", "Your number, e.g. A012";
    KioskFind => "查找", "Find";
    KioskNotHere => "本机今天没有取过这个号。请扫描号票上的二维码，在手机上评价。", "This kiosk did not issue that number today. Scan the QR code on your ticket to rate on your phone.";
    KioskNotServed => "这个号还没有办结，办结后再来评价。", "That number has not been served yet; rate it once it is.";
    KioskBack => "返回", "Back";
    KioskArrive => "预约签到", "I have an appointment";
    KioskArriveCode => "预约码（6 位数字，见预约记录）", "Appointment code (6 digits, on your booking)";
    KioskArriveButton => "签到取号", "Check in";
    AppointmentCode => "预约码（到厅后在自助取号机签到）：", "Code to check in at the hall's kiosk:";
    NotFoundTitle => "页面不存在", "Page not found";
    NotFoundText => "您要找的页面不存在或已移动。", "The page you asked for does not exist or has moved.";
    BackHome => "返回首页", "Back to home";
    ErrNetwork => "网络连接失败，请检查网络后重试", "Could not reach the server; check your connection and try again";
    ErrWrongLogin => "账号或密码错误", "Wrong login or password";
    ErrRateLimited => "登录失败次数过多，请稍后再试", "Too many failed logins; please try again later";
    ErrAppointmentCode => "预约码不正确，请核对预约记录上的 6 位数字", "That code does not match a booking here; check the 6 digits on your booking";
    ErrTooManyCodes => "输错次数过多，请联系工作人员", "Too many wrong codes; please ask the staff";
    ErrPhone => "请输入 11 位手机号码，如 13800138000", "Enter an 11-digit mobile number, e.g. 13800138000";
    ErrPassword => "密码至少 8 位，需同时包含字母和数字", "The password needs 8+ characters with letters and digits";
    ErrName => "请填写姓名", "Please enter a name";
    ErrTaken => "该手机号已注册，请直接登录", "This number is already registered; please log in";
    ErrForbidden => "您无权进行此操作", "You may not do this";
    ErrNotFound => "内容不存在或已删除", "Not found";
    ErrRequired => "此项为必填", "This field is required";
    ErrEndBeforeStart => "结束时间需晚于开始时间", "The end must be after the start";
    ErrServer => "服务器开小差了，请稍后重试", "Something went wrong on our side; please try again";
    RoleCustomer => "客户", "Customer";
    RoleHallStaff => "窗口人员", "Hall staff";
    RoleHallManager => "营业厅经理", "Hall manager";
    RoleAdmin => "系统管理员", "Administrator";
    RoleDesign => "设计单位", "Design firm";
    RoleConstruction => "施工单位", "Construction firm";
    RoleTest => "试验单位", "Test firm";
    RoleSupervision => "监理单位", "Supervision firm";
    BizPayment => "缴费", "Payments";
    BizExpansion => "业扩报装", "New connection";
    BizChangeTransfer => "变更过户", "Changes & transfers";
    BizConsultation => "咨询", "Enquiries";
    BizInvoice => "发票", "Invoices";
    SkipToContent => "跳到正文", "Skip to content";
    TakeNumber => "在线取号", "Take a number";
    ChooseBusiness => "办理业务", "Business";
    GreenChannel => "绿色通道（老年人、残疾人优先）", "Green channel (elderly and disabled people first)";
    TakeNumberButton => "取号", "Take a number";
    Waiting => "等候人数", "Waiting";
    WaitRange => "预计等候", "Expected wait";
    Minutes => "分钟", "min";
    PeopleAhead => "前面还有", "People ahead";
    People => "人", "";
    YourNumber => "您的号码", "Your number";
    TicketTitle => "我的排队", "My ticket";
    PleaseGoTo => "请到", "Please go to";
    CounterSuffix => "号窗口", "";
    CounterPrefix => "", "counter ";
    Called => "已叫号", "Called";
    StateWaiting => "等候中", "Waiting";
    StateServing => "办理中", "Being served";
    StateServed => "已办结", "Done";
    StateNoShow => "过号", "Missed";
    StateCancelled => "已取消", "Cancelled";
    CancelTicket => "取消排队", "Cancel my ticket";
    ConfirmCancel => "确定取消排队吗？", "Cancel your place in the queue?";
    TicketCancelled => "已取消排队", "Your ticket is cancelled";
    NotifyWhen => "前面剩几人时提醒我", "Tell me when this many are ahead";
    NotifySet => "设置提醒", "Set reminder";
    NotifySaved => "提醒已设置", "Reminder set";
    AlmostYourTurn => "快到您了，请回到营业厅等候叫号", "Almost your turn: please come back to the hall";
    Live => "实时", "Live";
    Offline => "连接中断，正在重连…", "Offline, reconnecting…";
    Dismiss => "知道了", "OK";
    RateService => "请为本次服务评分", "Rate this service";
    Stars => "星", "stars";
    Comment => "意见建议（可不填）", "Comment (optional)";
    SubmitRating => "提交评价", "Send rating";
    ThanksRating => "感谢您的评价", "Thank you for your rating";
    ShareLink => "凭此链接可随时查看排队进度", "Open this link any time to follow your ticket";
    CounterConsole => "窗口叫号", "Counter";
    ChooseCounter => "我的窗口", "My counter";
    CallNext => "叫下一位", "Call next";
    Recall => "重呼", "Call again";
    NoShow => "过号", "No-show";
    StartService => "开始办理", "Start";
    Finish => "办结", "Finish";
    TransferTo => "转到业务", "Transfer to";
    Transfer => "转移", "Transfer";
    Pause => "暂停", "Pause";
    PauseReason => "暂停原因", "Reason for pausing";
    Resume => "恢复服务", "Resume";
    CounterOpen => "服务中", "Open";
    CounterPaused => "暂停", "Paused";
    CounterClosed => "关闭", "Closed";
    NowServing => "当前号码", "Current ticket";
    NobodyWaiting => "暂无等候", "Nobody waiting";
    WhyNext => "叫号依据", "Why this ticket";
    CallThis => "叫此号", "Call";
    ReasonTransferred => "转移到本窗口", "Transferred to this counter";
    ReasonPriority => "优先号轮次", "Priority turn";
    ReasonAged => "普通号等候超时优先", "Waited past the ageing limit";
    ReasonNormal => "普通号轮次", "Normal turn";
    ReasonOnlyPriority => "仅有优先号等候", "Only priority tickets waiting";
    ReasonOnlyNormal => "按取号顺序", "In check-in order";
    ReasonStaff => "工作人员指定", "Chosen by staff";
    PriorityKey => "大客户", "Key account";
    PriorityGreen => "绿色通道", "Green channel";
    PriorityAppointment => "预约", "Appointment";
    HallClosedNow => "营业厅当前休息，暂不能取号", "The hall is closed; numbers can be taken when it opens";
    BookTitle => "预约办理", "Book an appointment";
    Date => "日期", "Date";
    ChooseSlot => "选择时段", "Choose a time";
    SeatsLeft => "剩余", "left";
    Full => "已约满", "Full";
    NoSlots => "当天没有可预约时段", "No times left that day";
    Booked => "预约成功", "Appointment booked";
    LoginToBook => "登录后即可预约", "Log in to book";
    MyAppointments => "我的预约", "My appointments";
    NoAppointments => "暂无预约", "No appointments";
    Arrive => "我已到达，签到取号", "I am here: check in";
    Reschedule => "改约", "Change time";
    CancelAppointment => "取消预约", "Cancel appointment";
    AppointmentCancelled => "预约已取消", "Appointment cancelled";
    Rescheduled => "已改约", "Time changed";
    ApptBooked => "已预约", "Booked";
    ApptArrived => "已签到", "Checked in";
    ApptCancelled => "已取消", "Cancelled";
    ArriveFrom => "可签到时间从", "Check-in opens at";
    ArriveOnTime => "现在签到可优先办理", "Check in now to go ahead of walk-ins";
    ArriveLate => "已超过签到时间，签到后按普通号排队", "Past your window: you will queue as a walk-in";
    ArriveReleased => "预约已过保留时间，请现场取号", "The slot was released; please take a number";
    ViewTicket => "查看排队", "View my ticket";
    FollowUps => "差评回访", "Low ratings to follow up";
    NoFollowUps => "暂无需要回访的评价", "No low ratings to follow up";
    Resolve => "已回访", "Mark handled";
    Resolved => "已处理", "Handled";
    VideoHelp => "视频求助", "Video help";
    VideoHelpLead => "一键连线客服，面对面办理咨询", "Talk to an agent face to face, from here";
    VideoTopic => "您想咨询什么？", "What do you need help with?";
    VideoCheck => "检查摄像头和麦克风", "Check camera and microphone";
    VideoChecking => "正在检查设备…", "Checking your devices…";
    VideoCamera => "摄像头", "Camera";
    VideoMicrophone => "麦克风", "Microphone";
    VideoReadyVideo => "设备正常，可以视频通话", "All set for a video call";
    VideoReadyAudio => "没有可用的摄像头，将以语音通话", "No camera available: we will use a voice call";
    VideoDenied => "您没有允许使用摄像头和麦克风。请点地址栏的锁形图标，选择“允许”，再点“重新检查”。", "You did not allow the camera and microphone. Click the lock in the address bar, choose Allow, then check again.";
    VideoMissing => "没有找到摄像头或麦克风，请插好设备后重新检查。", "No camera or microphone found. Plug one in and check again.";
    VideoUnavailable => "此浏览器无法使用摄像头和麦克风（可能正被其他程序占用）。", "This browser cannot use the camera or microphone (another app may be using them).";
    VideoRecheck => "重新检查", "Check again";
    VideoStart => "开始求助", "Ask for help";
    VideoChannelVideo => "视频", "Video";
    VideoChannelAudio => "语音", "Voice";
    VideoChannelChat => "文字", "Text";
    VideoWaiting => "正在为您接通客服", "Connecting you to an agent";
    VideoAhead => "前面还有", "People ahead";
    VideoCancel => "不等了，取消求助", "Stop waiting";
    VideoCancelled => "已取消求助", "Request cancelled";
    VideoCallbackTitle => "客服暂时忙，留下电话，我们给您回电", "Agents are busy: leave your number and we will call you back";
    VideoCallbackPhone => "手机号码", "Mobile number";
    VideoCallbackSend => "请回电给我", "Call me back";
    VideoCallbackDone => "已登记回电，客服会尽快给您打电话", "Noted: an agent will call you back soon";
    VideoStatusConnecting => "正在连接…", "Connecting…";
    VideoStatusWaitingAgent => "正在等待客服进入…", "Waiting for the agent…";
    VideoStatusWaitingCustomer => "等待客户进入…", "Waiting for the customer…";
    VideoStatusLive => "通话中", "In the call";
    VideoStatusReconnecting => "网络中断，正在重新连接…", "Connection lost: reconnecting…";
    VideoStatusTransferred => "通话已转给其他坐席", "The call moved to another agent";
    VideoStatusReplaced => "通话已在另一个窗口打开", "The call is open in another window";
    VideoStatusEnded => "通话已结束", "The call has ended";
    VideoPoorQuality => "网络不太好，画面可能卡顿；可以关闭摄像头改用语音", "Poor connection: video may stutter. Turn the camera off to keep talking";
    VideoMute => "静音", "Mute";
    VideoUnmute => "取消静音", "Unmute";
    VideoCameraOff => "关闭摄像头", "Camera off";
    VideoCameraOn => "打开摄像头", "Camera on";
    VideoShareScreen => "共享屏幕", "Share screen";
    VideoStopShare => "停止共享", "Stop sharing";
    VideoHangUp => "挂断", "Hang up";
    VideoOtherHungUp => "对方已挂断", "The other side hung up";
    VideoBoard => "手写板", "Handwriting board";
    VideoClearBoard => "清空", "Clear";
    VideoChat => "文字交流", "Chat";
    VideoChatPlaceholder => "输入文字", "Type a message";
    VideoSend => "发送", "Send";
    VideoSendFile => "发送文件（照片或 PDF，10 MB 以内）", "Send a file (photo or PDF, up to 10 MB)";
    VideoYou => "我", "Me";
    VideoAgent => "客服", "Agent";
    VideoCustomer => "客户", "Customer";
    VideoSupervisor => "值班长", "Supervisor";
    VideoSupervisorHere => "值班长已加入通话", "A supervisor has joined the call";
    VideoNotYours => "这不是您的通话，无法进入。", "This is not your call.";
    VideoRateTitle => "请为本次视频服务评价", "Rate this video call";
    VideoMyCalls => "我的视频服务记录", "My video calls";
    VideoDuration => "时长", "Duration";
    VideoSummary => "处理结果", "Outcome";
    DeskTitle => "视频坐席", "Video desk";
    DeskAvailable => "空闲", "Available";
    DeskBusy => "通话中", "Busy";
    DeskAway => "离开", "Away";
    DeskStatus => "我的状态", "My status";
    DeskWaiting => "等待接入", "Waiting";
    DeskNoneWaiting => "暂无客户等待", "Nobody is waiting";
    DeskInCall => "进行中的通话", "Calls in progress";
    DeskAccept => "接入", "Accept";
    DeskJoin => "旁听", "Join";
    DeskWaited => "已等", "Waited";
    DeskMinutes => "分钟", "min";
    DeskTransferTo => "转给坐席", "Transfer to";
    DeskTransfer => "转接", "Transfer";
    DeskEndTitle => "结束通话并填写处理结果", "End the call with a summary";
    DeskEnd => "结束通话", "End call";
    DeskEnded => "通话已结束并存档", "Call ended and filed";
    DeskCallbacks => "回电任务", "Callbacks";
    DeskNoCallbacks => "暂无回电任务", "No callbacks";
    DeskCallbackDone => "已回电", "Called back";
    ConsultTitle => "在线咨询", "Ask in writing";
    ConsultLead => "写下您的问题，客服会在这里答复；有新答复时会标出。", "Write your question; agents answer here, and new answers are marked.";
    ConsultSubject => "主题", "Subject";
    ConsultQuestion => "您的问题", "Your question";
    ConsultSend => "提交咨询", "Send question";
    ConsultInbox => "在线咨询留言", "Written consultations";
    ConsultNone => "暂无咨询", "No consultations";
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
    ServicesTitle => "我的用电", "My electricity";
    NavApplications => "业务办理", "Applications";
    NavWorkOrders => "报修投诉", "Repairs & complaints";
    QuickServices => "便民服务", "Services";
    AccountNumber => "户号", "Account no.";
    AccountNumberHint => "10 位数字，印在电费账单左上角", "10 digits, top left of your bill";
    HolderName => "户主姓名", "Holder's name";
    AccountsEmpty => "还没有绑定户号。绑定后可查电费、缴费和办理业务。", "No account bound yet. Bind one to see and pay bills and apply for services.";
    BindTitle => "绑定户号", "Bind an account";
    Bind => "绑定", "Bind";
    BoundOk => "绑定成功", "Account bound";
    Unbind => "解绑", "Unbind";
    UnbindConfirm => "确定解绑这个户号吗？", "Unbind this account?";
    ArrearsReminder => "您有 {} 笔电费已逾期，请尽快缴纳，以免影响用电。", "{} bill(s) are overdue; please pay soon to keep your supply.";
    Unpaid => "待缴", "To pay";
    Balance => "账户余额", "Balance";
    BillsAndPay => "账单与缴费", "Bills and payment";
    BillsTitle => "电费账单", "Bills";
    PaidBills => "已缴账单", "Paid bills";
    AllPaid => "电费已全部结清。", "All bills are paid.";
    BillPaid => "已缴", "Paid";
    BillUnpaid => "未缴", "Unpaid";
    BillOverdue => "已逾期", "Overdue";
    DueOn => "缴费截止", "Due";
    BillBreakdown => "电费明细", "Breakdown";
    BillFor => "电费", "Bill";
    TopUp => "预存电费（元）", "Top up (yuan)";
    PayTotal => "合计", "Total";
    PayNow => "立即缴费", "Pay now";
    LedgerTitle => "收支明细", "Ledger";
    LedgerBill => "电费", "Bill";
    LedgerPayment => "缴费", "Payment";
    UsageTitle => "用电量", "Usage";
    UsageMonthly => "近 24 个月用电量（千瓦时）", "Last 24 months (kWh)";
    UsageDaily => "当月每日用电量（千瓦时）", "Each day of the month (kWh)";
    UsageMonth => "查看月份", "Month";
    UsagePeak => "峰时", "Peak";
    UsageValley => "谷时", "Valley";
    ChartTable => "查看数据表", "Show the numbers";
    SandboxNote => "模拟支付（本地测试环境）", "Payment sandbox (local test)";
    SandboxTitle => "确认支付", "Confirm payment";
    Merchant => "收款方", "Payee";
    SandboxConfirm => "确认支付", "Pay";
    SandboxDecline => "取消支付", "Decline";
    PaymentDeclined => "支付已取消，未扣款。", "Payment declined; nothing was charged.";
    ReceiptTitle => "电子收据", "E-receipt";
    ReceiptNo => "收据号", "Receipt no.";
    ReceiptNotPaid => "这笔支付尚未完成，没有收据。", "This payment is not complete, so there is no receipt.";
    PaidAt => "缴费时间", "Paid at";
    Print => "打印", "Print";
    BackToAccount => "返回户号", "Back to the account";
    ApplicationsTitle => "业务办理", "Applications";
    ApplicationsBoard => "业务申请（本厅）", "Applications (this hall)";
    ApplicationsEmpty => "暂无申请。", "No applications.";
    ApplyNew => "在线申请", "Apply online";
    ApplicationKind => "申请业务", "Application";
    NewHolder => "新户主姓名", "New holder's name";
    IdNumber => "新户主身份证号", "New holder's ID number";
    MobileField => "联系手机", "Mobile";
    PlanWanted => "变更为", "Change to";
    CapacityKva => "容量（千伏安）", "Capacity (kVA)";
    StartOn => "开始日期", "From";
    Months => "时长（月）", "Months";
    Documents => "申请材料", "Documents";
    DocumentsNeeded => "需上传 {} 份材料（照片或 PDF）", "Upload {} document(s) (photos or PDFs)";
    AddDocuments => "补充材料", "Add documents";
    BringThese => "所需材料", "What to bring";
    Steps => "办理流程", "Steps";
    Customer => "客户", "Customer";
    OpenProject => "查看报装进度", "Open the connection project";
    Progress => "办理进度", "Progress";
    RejectReason => "不通过原因", "Reason for rejecting";
    WorkOrdersTitle => "报修投诉", "Repairs and complaints";
    WorkOrdersBoard => "工单（本厅）", "Work orders (this hall)";
    WorkOrdersEmpty => "暂无工单。", "No work orders.";
    NewWorkOrder => "我要报修 / 投诉 / 建议 / 咨询", "Report, complain, suggest or ask";
    Topic => "类别", "Kind";
    Promise => "服务承诺：{}内处理", "Our promise: within {}";
    Description => "情况描述", "What happened";
    Location => "地点", "Where";
    Photos => "现场照片（最多 3 张）", "Photos (up to 3)";
    Deadline => "承诺时限", "Due by";
    Department => "处理部门", "Department";
    Reply => "处理答复", "Reply";
    Rating => "满意度评价", "Rating";
    RatingComment => "评价意见（可选）", "Comment (optional)";
    OpenOnly => "只看未办结", "Open only";
    TariffsTitle => "电价标准", "Tariffs";
    ResidentialTariff => "居民生活用电（元/千瓦时）", "Residential (yuan/kWh)";
    UsageMonthlyKwh => "月用电量（千瓦时）", "Monthly use (kWh)";
    PricePerKwh => "电价", "Price";
    Tier1 => "第一档", "Tier 1";
    Tier2 => "第二档（加价）", "Tier 2 (surcharge)";
    Tier3 => "第三档（加价）", "Tier 3 (surcharge)";
    TariffNote => "峰谷电价用户同样按月用电量执行阶梯加价。", "Peak/valley users pay the same tier surcharges on their monthly use.";
    Calculator => "电费计算器", "Bill calculator";
    GuidesTitle => "办事指南", "Service guides";
    ApplyOnline => "在线办理", "Apply online";
    FaqTitle => "常见问题", "Questions";
    SearchArea => "输入街道或小区", "Street or estate";
    NoOutages => "该区域暂无停电计划。", "No planned outages there.";
    ErrAccountBind => "户号或户主姓名与账单不符，请核对后重试。", "The account number and holder name do not match a bill; check both.";
    CommitmentsTitle => "服务承诺时限", "Service commitments";
    Saved => "已保存", "Saved";
    ErrIdNumber => "身份证号格式不正确，请按证件填写 18 位号码。", "Enter the 18-character ID number exactly as on the card.";
}

pub fn role_msg(role: Role) -> Msg {
    match role {
        Role::Customer => Msg::RoleCustomer,
        Role::HallStaff => Msg::RoleHallStaff,
        Role::HallManager => Msg::RoleHallManager,
        Role::Admin => Msg::RoleAdmin,
        Role::Design => Msg::RoleDesign,
        Role::Construction => Msg::RoleConstruction,
        Role::Test => Msg::RoleTest,
        Role::Supervision => Msg::RoleSupervision,
    }
}

pub fn business_msg(kind: BusinessType) -> Msg {
    match kind {
        BusinessType::Payment => Msg::BizPayment,
        BusinessType::Expansion => Msg::BizExpansion,
        BusinessType::ChangeTransfer => Msg::BizChangeTransfer,
        BusinessType::Consultation => Msg::BizConsultation,
        BusinessType::Invoice => Msg::BizInvoice,
    }
}

pub fn notice_state_msg(state: NoticeState) -> Msg {
    match state {
        NoticeState::Scheduled => Msg::StateScheduled,
        NoticeState::Published => Msg::StatePublished,
        NoticeState::Expired => Msg::StateExpired,
        NoticeState::Withdrawn => Msg::StateWithdrawn,
    }
}

pub const WEEKDAYS: [Msg; 7] = [
    Msg::Mon,
    Msg::Tue,
    Msg::Wed,
    Msg::Thu,
    Msg::Fri,
    Msg::Sat,
    Msg::Sun,
];

/// A reactive translation for views: `{t(Msg::Home)}` follows the language switch.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || msg.text(lang.get())
}

/// Plain text in the current language, for views a reactive parent redraws with every queue
/// update and on a language switch (the parent tracks `lang`). A reactive `t` in such a view
/// would leave a subscription to the language behind at every redraw: about a kilobyte of
/// memory per update on a screen that runs all day (see bench/display_soak).
pub fn tr(msg: Msg) -> &'static str {
    msg.text(use_app().lang.get_untracked())
}

/// Picks the Chinese or English variant of data that comes in both (hall names, addresses).
pub fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Domain words (stages, actions, documents, parties) in a language.
pub fn say(words: domain::expansion::labels::Words, lang: Lang) -> &'static str {
    pick(lang, words.0, words.1)
}
