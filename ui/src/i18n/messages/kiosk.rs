//! The self-service kiosk beyond taking a number: pairing, who is at the kiosk, bills and
//! payment, receipts, and the manager's list of devices. Data only: the entries join the one
//! `Msg` table (see `messages.rs`).

macro_rules! kiosk_messages {
    ($next:ident $($rest:ident)* ; $($done:tt)*) => { $next! { $($rest)* ; $($done)*
    KioskHowToPair => "请大厅经理在“屏幕与自助机”中新建一台自助机，用本机打开生成的链接或扫描二维码。", "Ask the hall manager to add a kiosk under Screens and kiosks, then open its link or scan its QR code on this machine.";
    HallTransit => "公交地铁（如“公交 12 路湖滨路站”）", "Buses and metro (e.g. Bus 12, Hubin Road stop)";
    HallParking => "停车", "Parking";
    KioskReadAloud => "🔊 读给我听", "🔊 Read this to me";
    KioskHallsTitle => "全市营业厅", "The city's halls";
    KioskHallsLead => "点选营业厅，查看营业时间、排队人数和怎么去。", "Tap a hall for its hours, its queue and how to get there.";
    KioskYouAreHere => "您在这里", "You are here";
    KioskGettingThere => "怎么去", "Getting there";
    KioskOutagesTitle => "停电查询", "Planned outages";
    KioskOutagesLead => "输入街道或小区名，或点选下面的地点。", "Type a street or estate, or tap a place below.";
    KioskSearch => "查询", "Search";
    DeviceKindLabel => "设备类型", "Device";
    DeviceKindDisplay => "叫号大屏", "TV display";
    DeviceKindKiosk => "自助机", "Kiosk";
    DeviceOffline => "离线", "Offline";
    KioskBills => "查电费 · 缴电费", "Bills and payment";
    KioskWhoAreYou => "请先核对身份", "First, tell us who you are";
    KioskWhoLead => "输入电费单上的户号和户名，或用手机号接收验证码。您的信息不会留在本机上。", "Enter the account number and holder's name from your bill, or get a code on your mobile. Nothing of yours stays on this machine.";
    KioskByAccount => "户号 + 户名", "Account number and name";
    KioskByPhone => "手机验证码", "Mobile and code";
    KioskAccountNumber => "户号（10 位数字，见电费单）", "Account number (10 digits, on your bill)";
    KioskHolderName => "户名", "Holder's name";
    KioskLookUp => "查询", "Look up";
    KioskSendCode => "获取验证码", "Text me a code";
    KioskCodeSent => "验证码已发送，可重新获取", "Code sent; tap to send again";
    KioskCode => "短信验证码（6 位）", "Code from the SMS (6 digits)";
    KioskChooseAccount => "请选择户号", "Choose an account";
    KioskOwes => "待缴", "Owes";
    KioskPayChosen => "缴纳所选电费", "Pay the chosen bills";
    KioskUsageYear => "近 12 个月用电量（千瓦时）", "Last 12 months (kWh)";
    KioskScanToPay => "请扫码支付", "Scan to pay";
    KioskScanToPayHint => "用手机支付宝、微信或银行 App 扫描二维码付款", "Scan with your phone's payment or banking app";
    KioskScanReceipt => "扫码在手机上保存电子收据", "Scan to keep the e-receipt on your phone";
    KioskPrintReceipt => "打印收据", "Print receipt";
    KioskApply => "办理业务 · 过户、峰谷电、暂停、新装", "Applications: transfer, tariff, suspension, new connection";
    KioskWhoLeadApply => "办理业务请用手机号接收验证码核对身份，办理进度会发到这个手机。", "To apply, confirm your mobile with a texted code: the application's progress is sent to it.";
    KioskApplyWhich => "您要办理什么业务？", "What would you like to apply for?";
    KioskBring => "请准备这些材料", "Have these ready";
    KioskBringLead => "下一步可以用本机摄像头拍下材料，原件请带到窗口核验。", "You can photograph them with this machine's camera next; bring the originals to the counter.";
    KioskTimeLimit => "办理时限", "Time limit";
    KioskNext => "下一步", "Next";
    KioskPrevious => "上一步", "Back";
    KioskWhichPlan => "要改成哪种电价？", "Which tariff do you want?";
    KioskNewHolder => "新户主姓名", "New holder's name";
    KioskIdNumber => "新户主身份证号（18 位）", "New holder's ID number (18 characters)";
    KioskNewHolderPhone => "新户主手机号", "New holder's mobile";
    KioskCapacityKept => "保留容量（千伏安，0 为全部暂停）", "Capacity to keep (kVA; 0 suspends it all)";
    KioskCapacityWanted => "申请容量（千伏安）", "Capacity wanted (kVA)";
    KioskStartOn => "从哪天开始", "From which day";
    KioskMonths => "暂停几个月（1–6）", "For how many months (1–6)";
    KioskAddress => "用电地址", "Address to connect";
    KioskPhotos => "材料照片", "Photos of documents";
    KioskPhotosLead => "把材料放在摄像头前，点“拍照”；也可以跳过，到窗口交原件。", "Hold each document to the camera and tap Take photo; or skip and hand in the originals.";
    KioskTakePhoto => "拍照", "Take photo";
    KioskChoosePhoto => "选择照片", "Choose a photo";
    KioskPhotosTaken => "已拍 {} 张", "{} taken";
    KioskReview => "请核对后提交", "Check, then submit";
    KioskSubmitApplication => "提交申请", "Submit the application";
    KioskSlipTitle => "业务受理回执", "Application receipt";
    KioskFiledAt => "提交时间", "Filed at";
    KioskBringOriginals => "材料照片不全，请把原件交到窗口。", "Some documents are missing: hand the originals in at a counter.";
    KioskScanApplication => "扫码在手机上查看办理进度", "Scan to follow it on your phone";
    KioskPrintSlip => "打印回执", "Print receipt";
    ErrNoAccountsForPhone => "这个手机号还没有绑定户号。请改用户号和户名查询。", "No account is bound to this mobile. Use the account number and holder's name instead.";
    ErrKioskVisitOver => "为保护您的信息，本次办理已结束。请重新验证身份。", "To protect your details, this session has ended. Please identify again.";
    DeviceOfflineHint => "超过 3 分钟没有联系，请检查设备电源和网络。", "Not heard from for over 3 minutes: check its power and network.";
    } };
}
