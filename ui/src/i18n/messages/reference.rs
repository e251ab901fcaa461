//! Reference data: the hall's details, counters and business types for its manager, the
//! directory of firms for the administrator, and the "numbers are gone" state customers see.
//! Data only: the entries join the one `Msg` table (see `messages.rs`).

macro_rules! reference_messages {
    ($next:ident $($rest:ident)* ; $($done:tt)*) => { $next! { $($rest)* ; $($done)*
    NumbersGone => "今日号已取完", "No numbers left today";
    NumbersGoneHint => "该业务今日号已取完，请明天再来，或预约其他日期。", "Today's numbers for this business are gone. Come back tomorrow or book an appointment.";
    NumbersLeft => "今日余号", "Numbers left today";
    HallSetup => "本厅资料", "Hall details";
    HallSetupHint => "地址、电话和营业时间会显示在营业厅页面、取号机和大屏上，保存后立即生效。", "The address, phone and hours show on the hall page, the kiosk and the TV as soon as you save.";
    HallAddress => "地址", "Address";
    HallAddressEn => "英文地址", "Address in English";
    HallPhone => "电话", "Phone";
    DayClosed => "休息", "Closed";
    HallSaved => "本厅资料已保存", "Hall details saved";
    CounterSetup => "窗口设置", "Counters";
    CounterSetupHint => "“办理”是窗口叫号的业务；“可支援”是本窗口空闲时可以接待的其他业务。", "\"Serves\" is what the counter calls; \"Can help with\" is what its clerk may take from other lines when it is idle.";
    CounterServesLabel => "办理", "Serves";
    CounterTrained => "可支援", "Can help with";
    CounterNumber => "窗口号", "Counter number";
    AddCounter => "新增窗口", "Add counter";
    RemoveCounter => "删除窗口", "Remove counter";
    CounterSetupSaved => "窗口已保存", "Counter saved";
    CounterRemoved => "窗口已删除", "Counter removed";
    BusinessSetup => "业务设置", "Business types";
    BusinessSetupHint => "号码字母、平均办理时长（用于预计等候）和每日放号上限；上限留空为不限。预约号不占上限。", "Ticket letter, usual minutes per customer (for the wait estimate) and numbers a day; leave the limit empty for none. Appointments do not count.";
    TicketPrefix => "号码字母", "Ticket letter";
    ServiceMinutes => "平均办理（分钟）", "Usual minutes";
    DailyCap => "每日上限", "Daily limit";
    BusinessSaved => "业务设置已保存", "Business type saved";
    FirmManager => "合作单位", "Firms";
    FirmManagerHint => "设计、施工、试验和监理单位的资质。续期后立即可以继续办理；暂停的单位不能被选择，也不能在项目中操作。", "Qualifications of design, construction, test and supervision firms. A renewal counts at once; a suspended firm can neither be chosen nor act on projects.";
    FirmName => "单位名称", "Firm name";
    FirmKindLabel => "类别", "Kind";
    FirmGrade => "资质等级", "Grade";
    FirmQualificationNo => "资质证书号", "Qualification number";
    FirmExpires => "资质有效期至", "Qualified until";
    FirmContact => "联系人", "Contact";
    AddFirm => "新增单位", "Add firm";
    RenewFirm => "保存资质", "Save qualification";
    FirmSaved => "单位已保存", "Firm saved";
    SuspendFirm => "暂停", "Suspend";
    ReinstateFirm => "恢复", "Reinstate";
    SuspendReason => "暂停原因", "Reason for suspension";
    FirmSuspended => "已暂停", "Suspended";
    FirmExpired => "资质已过期", "Qualification expired";
    FirmQualified => "资质有效", "Qualified";
    ErrPrefix => "请填写一个字母（A–Z），且不能与其他业务重复。", "Give one letter A–Z not used by another business type.";
    ErrServiceMinutes => "请填写 1–120 分钟。", "Give 1 to 120 minutes.";
    ErrDailyCap => "每日上限为 1–2000，留空为不限。", "Give 1 to 2000 a day, or leave it empty.";
    ErrAddress => "请填写地址，80 字以内。", "Enter the address, at most 80 characters.";
    ErrHallPhone => "请填写带区号的电话，如 0571-95598-01。", "Enter a phone number with its area code, e.g. 0571-95598-01.";
    ErrCounterNumber => "窗口号为 1–99。", "Counters are numbered 1 to 99.";
    ErrFirmField => "请完整填写单位信息。", "Fill in every detail of the firm.";
    ErrFirmExpires => "资质已过期，请填写续期后的有效期。", "That qualification has expired; enter the renewed expiry date.";
    ErrSuspendReason => "请填写暂停原因，60 字以内。", "Give the reason, at most 60 characters.";
    PhoneCodeHint => "未登录时，请填写手机号并输入短信验证码后取号；登录后无需验证码。", "Without logging in, give your mobile number and the code we text to it; logged in, no code is needed.";
    SendCode => "获取验证码", "Send code";
    CodeSent => "验证码已发送，10 分钟内有效。", "Code sent; it is valid for 10 minutes.";
    PhoneCode => "短信验证码", "Code from the SMS";
    GreenChannelConfirmHint => "到厅后请在取号机上输入手机号，或请窗口工作人员确认；确认前按普通号排队。", "At the hall, confirm it at the kiosk with your phone number or ask a clerk; until then you queue as normal.";
    PriorityRequested => "待确认", "to be confirmed";
    ConfirmPriority => "确认优先", "Confirm priority";
    PriorityConfirmed => "已确认优先", "Priority confirmed";
    KioskConfirmGreen => "网上申请了绿色通道？在此确认", "Asked for the green channel online? Confirm it here";
    KioskConfirmButton => "确认", "Confirm";
    KioskUnpaired => "本取号机尚未配对，暂不能取号。请联系营业厅经理。", "This kiosk is not paired with the hall and cannot issue numbers. Please ask the hall manager.";
    ErrCodeTooSoon => "验证码发送太频繁：每个号码每分钟 1 条、每天 5 条，请稍后再试或登录后取号。", "Codes for this number are limited to one a minute and five a day; try later, or log in.";
    ErrCodesFromNetwork => "此网络今日获取验证码次数过多，请登录后取号或到厅取号。", "Too many codes from this network today; log in, or take a number at the hall.";
    ErrCode => "请输入短信中的 6 位验证码；验证码错误或已过期时请重新获取。", "Enter the 6-digit code from the SMS; if it is wrong or expired, ask for a new one.";
    } };
}
