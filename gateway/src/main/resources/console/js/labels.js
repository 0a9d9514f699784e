// Words the console shows: roles, problem reasons, deadline states, forms, and the services' field messages in
// Vietnamese. The API's own labels (statusLabel, procedure and unit names) are shown as they come.

export const ROLE_LABELS = {
  citizen: 'Công dân',
  reception_officer: 'Công chức Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  unit_leader: 'Lãnh đạo đơn vị',
  clerk: 'Văn thư',
  tthc_controller: 'Cán bộ kiểm soát TTHC',
  unit_admin: 'Quản trị tài khoản đơn vị',
  report_viewer: 'Xem báo cáo thống kê',
};

export const OFFICER_ROLES = Object.keys(ROLE_LABELS).filter(r => r !== 'citizen');
/** The roles with a work list (dossier-service's inbox). */
export const INBOX_ROLES = ['reception_officer', 'specialist', 'unit_leader', 'clerk'];

export const DEADLINES = {
  IN_TIME: ['Trong hạn', 'in-time'],
  NEAR_DUE: ['Sắp đến hạn', 'near-due'],
  OVERDUE: ['Quá hạn', 'overdue'],
};

export const CHANNELS = {
  COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  ONLINE: 'Trực tuyến',
  POSTAL: 'Qua dịch vụ bưu chính',
};

/** Fees (payment-service): the public status of a payment request in words, with its badge colour. */
export const PAYMENT_STATUSES = {
  AWAITING: ['Chưa nộp', 'near-due'],
  IN_PROGRESS: ['Đang chờ kết quả thanh toán', 'unknown'],
  PAID: ['Đã nộp', 'in-time'],
  FAILED: ['Thanh toán không thành công', 'overdue'],
  CANCELLED: ['Đã hủy yêu cầu nộp phí', 'unknown'],
  EXPIRED: ['Quá hạn nộp', 'overdue'],
  ERROR: ['Có lỗi, đang được kiểm tra', 'overdue'],
};

/** How a fee was paid (payment-service's channels). */
export const PAYMENT_CHANNELS = {
  ONLINE: 'Trực tuyến qua cổng thanh toán',
  COUNTER_CASH: 'Tiền mặt tại Bộ phận Một cửa',
  COUNTER_CARD: 'Thẻ ngân hàng tại Bộ phận Một cửa',
  POSTAL: 'Thu hộ qua dịch vụ bưu chính',
};

/** The catalogue's fee facts (a procedure version's fee items and its online fee discount). */
export const FEE_LABELS = {
  legalBasis: 'Căn cứ pháp lý',
  onlineFeeDiscountPercent: 'Giảm phí khi nộp và thanh toán trực tuyến (%)',
};

/** What a procedure version's online fee discount means for the applicant; null when it grants none. */
export function onlineDiscountText(percent) {
  return percent > 0 ? `Giảm ${percent}% khi nộp và thanh toán trực tuyến` : null;
}

/** The channels an officer records at the desk ("Ghi nhận nộp phí"), in the order the form offers them. */
export const COUNTER_CHANNELS = ['COUNTER_CASH', 'COUNTER_CARD', 'POSTAL'];

export const REFUND_STATES = {
  SUBMITTED: 'Đang xử lý',
  SUCCESS: 'Đã hoàn trả',
  FAILED: 'Không thành công',
};

/** Reconciliation against the provider's settlement file: what each mismatch means. */
export const MISMATCH_KINDS = {
  MISSING_IN_SETTLEMENT: 'Đã thu trên hệ thống, không có trong tệp đối soát',
  MISSING_HERE: 'Có trong tệp đối soát, chưa ghi nhận trên hệ thống',
  AMOUNT_DIFFERS: 'Số tiền chênh lệch',
};

/** Forms 01-05 (and the 2025 stop notice) as the gateway names them. */
export const FORMS = [
  ['receipt', 'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
  ['supplement-request', 'Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'],
  ['refusal', 'Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ'],
  ['apology', 'Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả'],
  ['control-slip', 'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ'],
  ['stop-notice', 'Thông báo dừng giải quyết hồ sơ'],
];

/** problem+json reasons (platform ErrorReason and the gateway's own) in words for the person at the counter. */
export const REASONS = {
  TOKEN_MISSING: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  TOKEN_INVALID: 'Phiên đăng nhập không còn hợp lệ. Vui lòng đăng nhập lại.',
  ROLE_NOT_ALLOWED: 'Vai trò của bạn không được phép thực hiện thao tác này.',
  SCOPE_MISSING: 'Tài khoản chưa được gán đơn vị hoặc số định danh cá nhân.',
  INVALID_FIELD: 'Dữ liệu nhập vào chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  MALFORMED_REQUEST: 'Yêu cầu không đúng định dạng.',
  NOT_FOUND: 'Không tìm thấy nội dung yêu cầu.',
  ILLEGAL_TRANSITION: 'Thao tác không phù hợp với trạng thái hiện tại của hồ sơ.',
  RULE_VIOLATED: 'Thao tác không đáp ứng quy định nghiệp vụ.',
  CONCURRENT_UPDATE: 'Hồ sơ vừa được người khác cập nhật trước bạn. Thông tin mới nhất đã được tải lại; '
    + 'vui lòng kiểm tra rồi thực hiện lại nếu vẫn cần.',
  STALE_REVISION: 'Hồ sơ vừa được người khác cập nhật trước bạn. Thông tin mới nhất đã được tải lại; '
    + 'vui lòng kiểm tra rồi thực hiện lại nếu vẫn cần.',
  REQUEST_ID_REUSED: 'Yêu cầu này đã được gửi với nội dung khác. Vui lòng tải lại trang rồi thực hiện lại.',
  CURSOR_EXPIRED: 'Danh sách đã thay đổi. Vui lòng tải lại từ trang đầu.',
  PRECONDITION_REQUIRED: 'Thiếu thông tin phiên bản hồ sơ. Vui lòng tải lại hồ sơ rồi thực hiện lại.',
  RATE_LIMITED: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  IDENTITY_PROVIDER_UNAVAILABLE: 'Máy chủ đăng nhập tạm thời không phản hồi. Vui lòng thử lại sau.',
  DOWNSTREAM_UNAVAILABLE: 'Hệ thống nghiệp vụ tạm thời không phản hồi. Vui lòng thử lại sau.',
  DOWNSTREAM_TIMEOUT: 'Hệ thống nghiệp vụ phản hồi quá lâu. Vui lòng thử lại sau.',
  // the gateway's own reasons for account administration
  UNIT_OUT_OF_SCOPE: 'Đơn vị này không thuộc phạm vi bạn quản trị.',
  ROLE_NOT_GRANTABLE: 'Bạn không được gán hoặc bỏ vai trò này ở đơn vị này.',
  USER_EXISTS: 'Tên đăng nhập hoặc thư điện tử đã được dùng cho một tài khoản khác.',
};

export function statusMessage(status) {
  if (status === 401) return REASONS.TOKEN_INVALID;
  if (status === 403) return REASONS.ROLE_NOT_ALLOWED;
  if (status === 404) return REASONS.NOT_FOUND;
  if (status === 409) return REASONS.ILLEGAL_TRANSITION;
  if (status === 412) return REASONS.CONCURRENT_UPDATE;
  if (status === 428) return REASONS.PRECONDITION_REQUIRED;
  if (status === 429) return REASONS.RATE_LIMITED;
  if (status >= 500) return 'Hệ thống gặp sự cố. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
}

/** Field paths (as the services name them) in words; the last segment is tried when the full path is unknown. */
export const FIELD_LABELS = {
  'applicant.fullName': 'Họ và tên người nộp',
  'applicant.citizenId': 'Số định danh cá nhân',
  'applicant.phone': 'Số điện thoại',
  'applicant.email': 'Thư điện tử',
  'applicant.address': 'Địa chỉ',
  procedureCode: 'Thủ tục hành chính',
  procedureVersion: 'Phiên bản thủ tục',
  channel: 'Hình thức tiếp nhận',
  note: 'Ghi chú',
  reason: 'Lý do',
  resultNote: 'Nội dung kết quả',
  components: 'Thành phần hồ sơ',
  toUnitCode: 'Đơn vị nhận',
  newDueAt: 'Ngày hẹn trả mới',
  postalTrackingNumber: 'Số hiệu bưu gửi',
  senderName: 'Họ và tên người gửi',
  title: 'Tiêu đề',
  content: 'Nội dung',
  score: 'Mức đánh giá',
  name: 'Tên',
  code: 'Mã',
  username: 'Tên đăng nhập',
  email: 'Thư điện tử',
  firstName: 'Tên',
  lastName: 'Họ và tên đệm',
  roles: 'Vai trò',
  date: 'Ngày',
  kind: 'Loại ngày',
  file: 'Tệp',
  lookupKey: 'Mã tra cứu',
  // administration: units, calendar, accounts, catalogue, reports
  agencyCode: 'Mã định danh cơ quan',
  level: 'Cấp hành chính',
  parentCode: 'Đơn vị cấp trên',
  validFrom: 'Ngày bắt đầu hoạt động',
  validTo: 'Ngày hoạt động cuối cùng',
  sourceCodes: 'Các đơn vị sáp nhập',
  effectiveOn: 'Ngày có hiệu lực',
  'successor.code': 'Mã đơn vị mới',
  'successor.name': 'Tên đơn vị mới',
  'successor.agencyCode': 'Mã định danh cơ quan mới',
  sessions: 'Buổi làm việc',
  weekday: 'Thứ',
  start: 'Giờ bắt đầu',
  end: 'Giờ kết thúc',
  makeUpDaySessions: 'Buổi làm việc ngày làm bù',
  unitCode: 'Đơn vị',
  role: 'Vai trò',
  password: 'Mật khẩu',
  publicationDecision: 'Quyết định công bố',
  publishedOn: 'Ngày công bố',
  field: 'Lĩnh vực',
  timeLimit: 'Thời hạn giải quyết',
  amount: 'Số tiền',
  'timeLimit.amount': 'Thời hạn giải quyết',
  locale: 'Ngôn ngữ',
  check: 'Mã kiểm tra',
  number: 'Số biên lai',
  csv: 'Tệp đối soát',
  $: 'Tệp',
  onlineLevel: 'Mức độ trực tuyến',
  receivingUnits: 'Nơi tiếp nhận',
  competentUnitCode: 'Đơn vị có thẩm quyền',
  fees: 'Phí, lệ phí',
  legalBasis: 'Căn cứ pháp lý',
  onlineFeeDiscountPercent: 'Giảm phí khi nộp và thanh toán trực tuyến',
  from: 'Từ ngày',
  to: 'Đến ngày',
  asOf: 'Tính đến ngày',
  format: 'Định dạng tệp',
  // statistics (report-service); report-common.js renames the names other screens use differently (number, kind)
  'report.periodKind': 'Kỳ báo cáo',
  'report.period': 'Kỳ báo cáo',
  'report.year': 'Năm',
  'report.number': 'Tháng hoặc quý',
  'report.window': 'Cách tính kỳ',
  'report.kind': 'Loại báo cáo',
  grouping: 'Dòng của báo cáo',
  side: 'Tử số hoặc mẫu số',
  subtree: 'Gồm đơn vị cấp dưới',
  includeChildren: 'Theo đơn vị trực thuộc',
  dueWithinHours: 'Phạm vi',
  batchSize: 'Số hồ sơ mỗi lô',
  body: 'Tệp dữ liệu',
  'Content-Type': 'Loại tệp',
  effectiveFromMonth: 'Áp dụng từ tháng',
  rulesJson: 'Bộ quy tắc',
  submissionId: 'Phiên bản báo cáo',
  source: 'Nguồn số liệu',
  // directive tasks and campaigns (issue 14); task-common.js renames number, kind, title and text for these screens
  'directive.number': 'Số, ký hiệu văn bản',
  'task.kind': 'Loại nhiệm vụ',
  'task.title': 'Tên nhiệm vụ',
  'progress.text': 'Nội dung đã thực hiện',
  issuingUnitCode: 'Đơn vị ban hành',
  signedOn: 'Ngày ban hành',
  signer: 'Người ký',
  documentId: 'Mã tài liệu',
  documentIds: 'Tài liệu đính kèm',
  description: 'Nội dung, yêu cầu',
  assigneeUnitCodes: 'Đơn vị được giao',
  deadline: 'Hạn của các đơn vị',
  upwardDeadline: 'Hạn báo cáo lên cấp trên',
  expectedOutput: 'Kết quả cần có',
  template: 'Biểu mẫu',
  'template.columns': 'Các cột của biểu mẫu',
  'template.prefill': 'Bản nháp ban đầu',
  followUpUser: 'Người theo dõi, đôn đốc',
  percent: 'Mức hoàn thành',
  answer: 'Trả lời',
  rows: 'Các dòng của báo cáo',
  assigneeEmails: 'Hộp thư công vụ của đơn vị',
  leaderEmails: 'Thư điện tử của lãnh đạo đơn vị',
  view: 'Danh sách',
  pageSize: 'Số dòng mỗi trang',
};

export function fieldLabel(path) {
  if (!path) return '';
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const last = String(path).split('.').pop().replace(/\[\d+\]$/, '');
  return FIELD_LABELS[last] || path;
}

// The services' field messages follow a few fixed English patterns (one home: the service's validation); the
// console says them in Vietnamese. Anything unknown becomes "không hợp lệ" rather than English on the screen.
const FIELD_MESSAGES = [
  [/^is required/, () => 'bắt buộc phải nhập'],
  [/^at most (\d+) characters/, m => `tối đa ${m[1]} ký tự`],
  [/^is not a phone number/, () => 'không phải số điện thoại hợp lệ'],
  [/^(is not an e-mail address|must be an email address)/, () => 'không phải địa chỉ thư điện tử hợp lệ'],
  [/^must be exactly 12 digits/, () => 'phải gồm đúng 12 chữ số'],
  [/^is not a dossier code/, () => 'không phải mã hồ sơ hợp lệ'],
  [/^is not a (known )?unit code/, () => 'không phải mã đơn vị hợp lệ'],
  [/^must be at most 5 MB/, () => 'tệp không được lớn hơn 5 MB'],
  [/^must be csv or xlsx/, () => 'chỉ nhận tệp CSV hoặc XLSX'],
  [/^must not be before from|^is before from/, () => 'không được trước ngày bắt đầu'],
  [/^must be an ISO-8601 instant/, () => 'không phải thời điểm hợp lệ'],
  [/^must be 1 \(poor\) to 5 \(good\)/, () => 'phải từ 1 đến 5'],
  [/^must be a whole number|^is not a whole number/, () => 'phải là số nguyên hợp lệ'],
  [/^lists a unit twice/, () => 'có đơn vị bị lặp lại'],
  [/^must be at most 512 KB/, () => 'tệp không được lớn hơn 512 KB'],
  [/^must be a date/, () => 'không phải ngày hợp lệ (năm-tháng-ngày)'],
  [/^must be a receipt number/, () => 'không phải số biên lai hợp lệ'],
  [/^must be one of/, () => 'không phải lựa chọn hợp lệ'],
  [/^must be between (\S+) and (\S+)( đồng)?/, m => `phải từ ${m[1]} đến ${m[2]}${m[3] || ''}`],
  [/^must be one line/, () => 'phải viết trên một dòng'],
  [/^must not start with/, () => 'không được bắt đầu bằng = + - @'],
  // directive tasks and campaigns (report-service's task rules, CampaignTemplate, ColumnType)
  [/^is not a column of the template/, () => 'không phải cột của biểu mẫu'],
  [/^must be a decimal number/, () => 'phải là số thập phân, dùng dấu chấm (ví dụ 12.5)'],
  [/^must be an ISO date/, () => 'phải là ngày hợp lệ (năm-tháng-ngày)'],
  [/^must be true or false/, () => 'phải chọn Có hoặc Không'],
  [/^must be text of at most (\d+) characters/, m => `tối đa ${m[1]} ký tự`],
  [/^must hold (\d+) to (\d+) columns/, m => `phải có từ ${m[1]} đến ${m[2]} cột`],
  [/^must match \[a-z\]/, () => 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ'],
  [/^repeats the key/, () => 'trùng mã với một cột khác'],
  [/^must be (\d+) to (\d+) characters/, m => `phải từ ${m[1]} đến ${m[2]} ký tự`],
  [/^must be NONE or PROCEDURES/, () => 'không phải lựa chọn hợp lệ'],
  [/^must be after|^is not after/, () => 'phải sau hạn của các đơn vị'],
  [/^must be a local date-time|^must be YYYY-MM-DDTHH:MM/, () => 'không phải ngày giờ hợp lệ'],
  [/^must be in the future/, () => 'phải là thời điểm sau hiện tại'],
  [/^may not be in the future/, () => 'không được sau ngày hôm nay'],
  [/^must be at most (\d+) characters/, m => `tối đa ${m[1]} ký tự`],
  [/^must be (\d+) to (\d+)$/, m => `phải từ ${m[1]} đến ${m[2]}`],
  [/^must name (\d+) to (\d+) units/, m => `phải chọn từ ${m[1]} đến ${m[2]} đơn vị`],
  [/^must hold at most (\d+) documents/, m => `tối đa ${m[1]} tài liệu`],
  [/^may not go below the previous report/, () => 'không được thấp hơn lần báo cáo trước'],
  [/^is not a unit below/, () => 'không phải đơn vị cấp dưới của đơn vị giao nhiệm vụ'],
  [/^is the issuing unit itself/, () => 'không được là chính đơn vị giao nhiệm vụ'],
  [/^repeats unit/, () => 'có đơn vị bị lặp lại'],
  [/^is for campaigns only/, () => 'chỉ dùng cho đợt thu thập số liệu'],
  [/^is not a document id/, () => 'không phải mã tài liệu hợp lệ'],
  [/^is not a token this list issued/, () => 'danh sách đã thay đổi, vui lòng tải lại từ trang đầu'],
  [/^is empty/, () => 'không được để trống'],
  [/^is not a known|^must be [A-Z_]+(, [A-Z_]+)*,? or [A-Z_]+/, () => 'không phải lựa chọn hợp lệ'],
];

export function fieldMessage(message) {
  for (const [pattern, say] of FIELD_MESSAGES) {
    const match = pattern.exec(message || '');
    if (match) return say(match);
  }
  return 'không hợp lệ';
}
