# ภาษาไทย — the product's first language. Keep keys identical to en.ftl.

app-name = ร่วมใจ
office-short = ศสส.สป.
office-name = ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย
skip-to-content = ข้ามไปยังเนื้อหาหลัก
switch-language = English

nav-main-label = เมนูหลัก
nav-services = บริการ
nav-groups = ผู้รับบริการ
nav-contact = ติดต่อเรา
nav-staff = สำหรับเจ้าหน้าที่
nav-login = เข้าสู่ระบบเจ้าหน้าที่
nav-api = เอกสาร API สำหรับนักพัฒนา
nav-staff-label = เมนูเจ้าหน้าที่
nav-dashboard = หน้าหลักเจ้าหน้าที่
nav-catalog = บริการ ส่วนงาน และกลุ่มผู้รับบริการ
nav-users = บัญชีผู้ใช้
nav-audit = บันทึกการตรวจสอบ

footer-phone = โทรศัพท์
footer-extension = ต่อ

home-title = หน้าแรก
home-lead = ร่วมใจเป็นช่องทางให้ผู้รับบริการและผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของศูนย์ฯ ทั้งการยื่นคำขอ ข้อเสนอแนะ และข้อร้องเรียน การเข้าร่วมกิจกรรม การประเมินความพึงพอใจ และการเข้าถึงคู่มือการติดต่อราชการ
home-services-title = งานบริการของศูนย์ฯ
home-services-intro = ศูนย์ฯ ให้บริการ 12 งาน แต่ละงานมีส่วนงานที่รับผิดชอบและหมายเลขโทรศัพท์ติดต่อ
home-groups-title = กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย
home-groups-intro = ศูนย์ฯ ให้บริการและรับฟังความคิดเห็นจาก 7 กลุ่ม
home-contact-title = ติดต่อส่วนงาน
home-contact-intro = ติดต่อส่วนงานที่รับผิดชอบได้โดยตรงตามหมายเลขด้านล่าง ในวันและเวลาราชการ
contact-division = ส่วนงาน
contact-phone = โทรศัพท์

login-title = เข้าสู่ระบบเจ้าหน้าที่
login-intro = สำหรับเจ้าหน้าที่ของศูนย์ฯ ประชาชนไม่ต้องเข้าสู่ระบบเพื่อใช้บริการ
login-email = อีเมล
login-password = รหัสผ่าน
login-submit = เข้าสู่ระบบ
login-failed = อีเมลหรือรหัสผ่านไม่ถูกต้อง
login-throttled = พยายามเข้าสู่ระบบผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก { $minutes } นาที
logout = ออกจากระบบ

dashboard-title = หน้าหลักเจ้าหน้าที่
dashboard-welcome = สวัสดี
dashboard-role = บทบาท
dashboard-email = อีเมล
dashboard-division = ส่วนงาน
dashboard-areas = งานของคุณ

role-administrator = ผู้ดูแลระบบ
role-director = ผู้อำนวยการศูนย์ฯ (ผู้กำกับดูแลตัวชี้วัด)
role-collector = ผู้อำนวยการส่วน (ผู้จัดเก็บข้อมูล)
role-officer = เจ้าหน้าที่ผู้ปฏิบัติงาน
role-evaluator = ผู้ประเมิน

catalog-title = บริการ ส่วนงาน และกลุ่มผู้รับบริการ
catalog-intro = แก้ไขชื่อภาษาไทยและภาษาอังกฤษ ส่วนงานที่รับผิดชอบ และหมายเลขโทรศัพท์ ทุกการแก้ไขถูกบันทึกในบันทึกการตรวจสอบ
catalog-services = งานบริการ
catalog-divisions = ส่วนงาน
catalog-groups = กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย
catalog-name-th = ชื่อภาษาไทย
catalog-name-en = ชื่อภาษาอังกฤษ
catalog-division = ส่วนงานที่รับผิดชอบ
save = บันทึก

users-title = บัญชีผู้ใช้
users-name = ชื่อ-นามสกุล
users-status = สถานะ
users-active = ใช้งานอยู่
users-disabled = ระงับแล้ว
users-disable = ระงับ
users-enable = เปิดใช้งาน
users-new = เพิ่มบัญชีผู้ใช้
users-no-division = ไม่สังกัดส่วนงาน
users-create = เพิ่มบัญชี
users-email-taken = อีเมลนี้มีบัญชีอยู่แล้ว

audit-title = บันทึกการตรวจสอบ
audit-intro = ทุกการเปลี่ยนแปลงโดยเจ้าหน้าที่ถูกบันทึกต่อกันเป็นลูกโซ่ด้วยค่าแฮช หากมีการแก้ไขย้อนหลัง ระบบจะตรวจพบ
audit-intact = ลูกโซ่บันทึกครบถ้วน ไม่มีการแก้ไขย้อนหลัง
audit-broken = พบความผิดปกติในลูกโซ่บันทึก:
audit-when = เวลา
audit-who = ผู้ดำเนินการ
audit-what = รายการ
audit-change = การเปลี่ยนแปลง
audit-show = ดูรายละเอียด
audit-before = ก่อนแก้ไข
audit-after = หลังแก้ไข

api-title = เอกสาร API
api-intro = API แบบ JSON สำหรับเชื่อมต่อกับระบบอื่น ข้อผิดพลาดตอบกลับในรูปแบบ problem+json พร้อมคำอธิบายภาษาไทย (หรือภาษาอังกฤษเมื่อส่ง Accept-Language: en)
api-openapi-link = เอกสาร OpenAPI 3 (JSON)
api-method = เมธอด
api-path = เส้นทาง
api-summary = คำอธิบาย
api-auth = การยืนยันตัวตน
api-auth-bearer = ต้องใช้โทเคน (Bearer)
api-auth-public = สาธารณะ
api-statuses = รหัสสถานะ

error-back-home = กลับหน้าแรก
error-bad-request = คำขอไม่ถูกต้อง
error-bad-request-detail = ระบบไม่สามารถอ่านข้อมูลที่ส่งมาได้ กรุณาตรวจสอบแล้วลองอีกครั้ง
error-unauthenticated = ต้องเข้าสู่ระบบก่อน
error-unauthenticated-detail = กรุณาเข้าสู่ระบบหรือส่งโทเคนที่ถูกต้อง
error-forbidden = ไม่มีสิทธิ์เข้าถึง
error-forbidden-detail = บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้
error-csrf = แบบฟอร์มหมดอายุ
error-csrf-detail = แบบฟอร์มนี้หมดอายุหรือไม่ได้ส่งจากเว็บไซต์นี้ กรุณาเปิดหน้าใหม่แล้วส่งอีกครั้ง
error-not-found = ไม่พบหน้าที่ต้องการ
error-not-found-detail = ไม่พบหน้าหรือข้อมูลที่ขอ อาจถูกย้ายหรือพิมพ์ที่อยู่ไม่ถูกต้อง
error-method-not-allowed = ไม่รองรับวิธีการนี้
error-method-not-allowed-detail = ที่อยู่นี้ไม่รองรับวิธีการส่งคำขอแบบนี้
error-conflict = ข้อมูลซ้ำกับที่มีอยู่
error-conflict-detail = มีข้อมูลนี้อยู่แล้ว จึงไม่ได้บันทึกซ้ำ
error-transition = เปลี่ยนเป็นสถานะนี้จากสถานะปัจจุบันไม่ได้
error-consultation-open = ยังเผยแพร่ผลไม่ได้ เพราะการรับฟังความคิดเห็นยังไม่ปิด
error-already-registered = อีเมลนี้ลงทะเบียนกิจกรรมนี้ไว้แล้ว ระบบเก็บการลงทะเบียนเดิมไว้ (ดูรหัสในอีเมลยืนยัน)
error-already-checked-in = รหัสนี้ลงชื่อเข้าร่วมไปแล้ว
error-waitlisted = ผู้นี้อยู่ในรายชื่อสำรอง ยังไม่ได้ที่นั่ง ลงทะเบียนหน้างานแทนได้หากมีที่ว่าง
error-registration-cancelled = การลงทะเบียนนี้ถูกยกเลิกแล้ว
error-capacity-below-registered = จำนวนที่นั่งน้อยกว่าจำนวนผู้ลงทะเบียนแล้ว
error-not-publishable = เผยแพร่ได้เฉพาะข้อเสนอแนะหรือข้อร้องเรียนที่ดำเนินการแล้วเสร็จ
error-transition-detail = ขั้นตอนงานไม่อนุญาตให้เปลี่ยนสถานะเช่นนี้ อาจมีผู้อื่นเปลี่ยนสถานะไปก่อนแล้ว กรุณาเปิดหน้าใหม่
error-payload-too-large = ข้อมูลมีขนาดใหญ่เกินไป
error-payload-too-large-detail = ข้อมูลที่ส่งมีขนาดเกินกำหนด กรุณาลดขนาดแล้วลองอีกครั้ง
error-unsupported-media-type = ไม่รองรับรูปแบบข้อมูลนี้
error-unsupported-media-type-detail = กรุณาส่งข้อมูลในรูปแบบ JSON หรือแบบฟอร์มตามที่กำหนด
error-unprocessable = ข้อมูลไม่ถูกต้อง
error-unprocessable-detail = ข้อมูลบางช่องไม่ถูกต้อง กรุณาแก้ไขแล้วส่งอีกครั้ง
error-too-many-requests = มีคำขอมากเกินไป
error-too-many-requests-detail = กรุณารอสักครู่แล้วลองอีกครั้ง
error-unavailable = ระบบไม่พร้อมให้บริการชั่วคราว
error-unavailable-detail = ขออภัย ระบบไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่ภายหลัง
error-internal = เกิดข้อผิดพลาดในระบบ
error-internal-detail = ขออภัย เกิดข้อผิดพลาดภายในระบบ เจ้าหน้าที่ได้รับแจ้งแล้ว ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ครบ

field-required = กรุณากรอกช่องนี้
field-too-long = ยาวเกิน { $max } ตัวอักษร
field-too-short = ต้องมีอย่างน้อย { $min } ตัวอักษร
field-control-characters = มีอักขระที่ไม่อนุญาต
field-invalid-email = รูปแบบอีเมลไม่ถูกต้อง
field-invalid-code = รหัสต้องเป็นตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข หรือขีด (-)
field-invalid-phone = หมายเลขโทรศัพท์ไม่ถูกต้อง
field-unknown-role = ไม่มีบทบาทนี้
field-division-required = บทบาทนี้ต้องระบุส่วนงาน
field-unknown-division = ไม่มีส่วนงานนี้
field-unknown-choice = ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ
field-invalid-tracking-code = รหัสติดตามไม่ถูกต้อง (ตัวอย่าง RJ-2570-000123)
field-file-too-large = ไฟล์มีขนาดเกิน { $max } MiB
field-file-type = รับเฉพาะไฟล์ PDF, JPEG, PNG, DOCX และ XLSX (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์)
field-too-many-files = แนบได้ไม่เกิน { $max } ไฟล์
field-key-reused = Idempotency-Key นี้เคยใช้กับคำร้องอื่นแล้ว
field-merge-target = ไม่สามารถรวมเรื่องเข้ากับตัวเอง หรือกับเรื่องที่เป็นเรื่องซ้ำอยู่แล้ว
field-invalid-date = วันที่ไม่ถูกต้อง (ตัวอย่าง 2026-12-31)
field-closes-before-opening = วันปิดรับความเห็นอยู่ก่อนวันเปิด
field-not-open = การรับฟังความคิดเห็นนี้ไม่ได้เปิดรับความเห็นในขณะนี้
field-not-a-number = กรุณากรอกเป็นตัวเลขจำนวนเต็ม
field-out-of-range = กรุณากรอกตัวเลขตั้งแต่ { $min } ถึง { $max }
field-unknown-registration = ไม่พบการลงทะเบียนที่ใช้รหัสนี้ กรุณาตรวจสอบรหัสอีกครั้ง
field-not-an-image = รับเฉพาะรูปภาพ JPEG หรือ PNG

nav-participate = แจ้งเรื่อง
nav-track = ติดตามเรื่อง
home-take-part-title = ร่วมใจกับศูนย์ฯ
home-take-part-intro = ยื่นคำขอรับบริการ เสนอแนะ ร้องเรียน ชมเชย หรือสอบถาม ได้โดยไม่ต้องสมัครสมาชิก ทุกเรื่องได้รับรหัสติดตามและได้รับคำตอบ
home-participate-link = แจ้งเรื่องถึงศูนย์ฯ
home-track-link = ติดตามเรื่องที่แจ้งไว้

participate-title = แจ้งเรื่องถึงศูนย์ฯ
participate-intro = ยื่นคำขอรับบริการ ข้อเสนอแนะ ข้อร้องเรียน คำชมเชย หรือคำถาม ไม่ต้องสมัครสมาชิก เมื่อส่งแล้วจะได้รับรหัสติดตามเรื่อง
participate-errors = กรุณาแก้ไขข้อมูลต่อไปนี้
participate-kind = ประเภทเรื่อง
participate-service = งานบริการที่เกี่ยวข้อง
participate-general = เรื่องทั่วไป (ไม่เจาะจงงานบริการ)
participate-group = ท่านอยู่ในกลุ่มใด
participate-subject = หัวเรื่อง
participate-details = รายละเอียด
participate-contact = ช่องทางติดต่อกลับ (ไม่บังคับ)
participate-contact-hint = หากต้องการให้ติดต่อกลับหรือส่งรหัสติดตามทางอีเมล กรุณาให้ข้อมูลอย่างน้อยหนึ่งช่องทาง
participate-name = ชื่อ-นามสกุล
participate-email = อีเมล
participate-phone = หมายเลขโทรศัพท์
participate-attachments = ไฟล์แนบ (ถ้ามี)
participate-attachments-hint = ไม่เกิน 5 ไฟล์ ไฟล์ละไม่เกิน 10 MiB: PDF, JPEG, PNG, DOCX หรือ XLSX
participate-honeypot = กรุณาเว้นว่างช่องนี้
participate-submit = ส่งเรื่อง
kind-request = คำขอรับบริการ
kind-suggestion = ข้อเสนอแนะ
kind-complaint = ข้อร้องเรียน
kind-compliment = คำชมเชย
kind-question = คำถาม

privacy-title = การคุ้มครองข้อมูลส่วนบุคคล
privacy-summary = ศูนย์ฯ ใช้ข้อมูลที่ท่านให้เพื่อพิจารณาและตอบเรื่องของท่านเท่านั้น ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562
privacy-more = อ่านประกาศความเป็นส่วนตัวฉบับเต็ม
privacy-purpose-label = วัตถุประสงค์และฐานทางกฎหมาย
privacy-purpose = เพื่อพิจารณา ดำเนินการ และแจ้งผลเรื่องที่ท่านแจ้ง โดยอาศัยฐานการปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะของหน่วยงานรัฐ
privacy-data-label = ข้อมูลที่เก็บ
privacy-data = เนื้อหาของเรื่อง และหากท่านให้ไว้ ชื่อ อีเมล และหมายเลขโทรศัพท์ ท่านแจ้งเรื่องโดยไม่ระบุตัวตนได้
privacy-retention-label = ระยะเวลาเก็บรักษา
privacy-retention = ข้อมูลติดต่อเก็บไว้ไม่เกิน 2 ปีหลังปิดเรื่อง แล้วลบ เหลือเพียงสถิติที่ไม่ระบุตัวบุคคล
privacy-recipients-label = ผู้รับข้อมูล
privacy-recipients = เจ้าหน้าที่ของศูนย์ฯ ที่รับผิดชอบเรื่องของท่าน ไม่เปิดเผยต่อผู้อื่น เว้นแต่กฎหมายกำหนด
privacy-controller-label = ผู้ควบคุมข้อมูล
privacy-controller = ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย โทร. 0 2282 6581
privacy-rights-label = สิทธิของท่าน
privacy-rights = ขอเข้าถึง ขอรับสำเนา ขอแก้ไข ขอลบ ขอระงับการใช้ และคัดค้านการประมวลผลข้อมูลของท่าน และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล ศูนย์ฯ ตอบคำขอภายใน 30 วัน

track-title = ติดตามเรื่อง
track-intro = กรอกรหัสติดตามเรื่องและรหัสลับที่ได้รับเมื่อแจ้งเรื่อง
track-code = รหัสติดตามเรื่อง
track-token = รหัสลับ
track-submit = ดูสถานะ
track-link-title = ลืมลิงก์ติดตาม?
track-link-intro = กรอกรหัสติดตามและอีเมลที่ให้ไว้ตอนส่งเรื่อง ระบบจะส่งลิงก์ใหม่ไปที่อีเมลนั้น (ลิงก์เดิมจะใช้ไม่ได้)
track-link-submit = ส่งลิงก์ใหม่ทางอีเมล
track-link-sent = หากรหัสและอีเมลตรงกับเรื่องที่ส่งไว้ เราได้ส่งลิงก์ใหม่ไปที่อีเมลนั้นแล้ว โปรดตรวจสอบกล่องจดหมาย
track-not-found = ไม่พบเรื่องตามรหัสที่กรอก กรุณาตรวจสอบรหัสติดตามเรื่องและรหัสลับอีกครั้ง
track-received-title = ศูนย์ฯ ได้รับเรื่องของท่านแล้ว
track-received-body = รหัสติดตามเรื่องของท่านคือ
track-keep-link = กรุณาบันทึกหรือบุ๊กมาร์กลิงก์ด้านล่างไว้ ลิงก์นี้มีรหัสลับสำหรับดูความคืบหน้า อย่าเผยแพร่ต่อผู้อื่น
track-status = สถานะ
track-filed = วันที่แจ้ง
track-timeline = ความคืบหน้า
status-received = รับเรื่องแล้ว
status-acknowledged = ตอบรับเรื่องแล้ว
status-in-progress = อยู่ระหว่างดำเนินการ
status-waiting-for-submitter = รอข้อมูลเพิ่มเติมจากผู้แจ้ง
status-resolved = ดำเนินการแล้วเสร็จ
status-closed = ปิดเรื่อง
status-rejected = ไม่รับพิจารณา
status-duplicate = เรื่องซ้ำ

nav-inbox = กล่องงานเรื่องที่ได้รับ
nav-log-submission = บันทึกเรื่องที่รับทางช่องทางอื่น
channel-web = เว็บไซต์
channel-email = อีเมล
channel-telephone = โทรศัพท์
channel-letter = หนังสือ
channel-walk-in = ติดต่อด้วยตนเอง
channel-social = สื่อสังคมออนไลน์/LINE
channel-meeting = การประชุม
channel-api = ระบบอื่น (API)
log-title = บันทึกเรื่องแทนผู้แจ้ง
log-intro = บันทึกเรื่องที่รับทางโทรศัพท์ หนังสือ การติดต่อด้วยตนเอง การประชุม อีเมล หรือสื่อสังคมออนไลน์ เรื่องจะเข้าสู่กล่องงานเช่นเดียวกับเรื่องที่แจ้งทางเว็บไซต์
log-channel = ช่องทางที่รับเรื่อง
log-read-notice = กรุณาแจ้งสาระสำคัญของประกาศนี้ให้ผู้แจ้งทราบก่อนบันทึกข้อมูลติดต่อ
log-done = บันทึกเรื่องแล้ว
log-give-link = แจ้งรหัสติดตามเรื่องและลิงก์ด้านล่างให้ผู้แจ้ง (ลิงก์มีรหัสลับ แสดงเพียงครั้งนี้)
log-open = เปิดดูเรื่องนี้
log-another = บันทึกเรื่องถัดไป
inbox-title = กล่องงานเรื่องที่ได้รับ
inbox-filters = ตัวกรอง
inbox-show = แสดง
inbox-show-open = เรื่องที่ยังไม่แล้วเสร็จ
inbox-show-overdue = เรื่องที่เกินกำหนดตอบ
inbox-show-all = ทุกเรื่อง
inbox-any = ทั้งหมด
inbox-assignee = ผู้รับผิดชอบ
inbox-assigned-me = มอบหมายให้ฉัน
inbox-assigned-nobody = ยังไม่มอบหมาย
inbox-search = ค้นหาคำ
inbox-apply = กรอง
inbox-empty = ไม่มีเรื่องตามเงื่อนไขนี้
inbox-reply-due = กำหนดตอบ
inbox-overdue = เกินกำหนด
inbox-due-soon = ใกล้ครบกำหนด
inbox-next-page = หน้าถัดไป
detail-update-due = กำหนดแจ้งความคืบหน้าครั้งถัดไป
detail-public = แสดงต่อผู้แจ้ง
detail-internal = บันทึกภายใน
detail-step = ดำเนินการ
detail-new-status = เปลี่ยนสถานะเป็น
detail-no-change = ไม่เปลี่ยนสถานะ
detail-text = ข้อความ (ต้องระบุเหตุผลเมื่อไม่รับพิจารณาหรือเป็นเรื่องซ้ำ)
detail-visibility = ผู้ที่เห็นข้อความ
detail-public-reply = ตอบผู้แจ้ง (แสดงในหน้าติดตามเรื่อง)
detail-assign-to = มอบหมายให้

nav-targets = เป้าหมายเวลาให้บริการและวันหยุด
targets-title = เป้าหมายเวลาให้บริการและวันหยุด
targets-intro = กำหนดระยะเวลาตอบผู้แจ้งและแจ้งความคืบหน้าของแต่ละงานบริการ ค่าเริ่มต้นตามพระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. 2546 (ตอบภายใน 15 วัน แจ้งความคืบหน้าทุก 7 วัน) การเปลี่ยนเป้าหมายคำนวณกำหนดของเรื่องที่ยังเปิดอยู่ใหม่ทันที โดยไม่นับเวลาที่รอข้อมูลจากผู้แจ้ง
targets-default = ใช้ค่าเริ่มต้น
targets-reply-days = ตอบผู้แจ้งภายใน (วัน)
targets-update-days = แจ้งความคืบหน้าทุก (วัน)
targets-count = นับเป็น
targets-calendar = วันปฏิทิน
targets-working = วันทำการ (จันทร์–ศุกร์ ไม่รวมวันหยุดราชการ)
holidays-title = วันหยุดราชการ
holidays-intro = ใช้สำหรับงานบริการที่นับเป้าหมายเป็นวันทำการ
holidays-none = ยังไม่มีวันหยุดราชการในรายการ
holidays-day = วันที่
holidays-name = ชื่อวันหยุด
holidays-add = เพิ่มวันหยุด
holidays-remove = ลบ

## Mail
mail-ack-subject = ได้รับเรื่องของท่านแล้ว รหัส { $code }
mail-ack-body =
    ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย ได้รับเรื่องของท่านแล้ว
    รหัสติดตามเรื่อง: { $code }

    ติดตามสถานะและคำตอบได้ที่ลิงก์นี้ (โปรดเก็บไว้ ลิงก์นี้ใช้แทนรหัสผ่าน อย่าส่งต่อให้ผู้อื่น):
    { $link }

    เราจะตอบกลับภายในระยะเวลาที่กำหนดของบริการ หากท่านไม่ได้ส่งเรื่องนี้ โปรดเพิกเฉยต่ออีเมลฉบับนี้
mail-link-subject = ลิงก์ติดตามเรื่อง { $code }
mail-link-body =
    มีผู้ขอลิงก์ติดตามเรื่อง { $code } โดยใช้อีเมลนี้ ลิงก์ใหม่ของท่าน (ลิงก์เดิมใช้ไม่ได้แล้ว):
    { $link }

    หากท่านไม่ได้ขอลิงก์นี้ โปรดเพิกเฉยต่ออีเมลฉบับนี้ เรื่องของท่านยังปลอดภัย

mail-overdue-subject = เรื่อง { $code } เกินกำหนดตอบ
mail-overdue-body =
    เรื่อง { $code } "{ $subject }" ยังไม่ได้ตอบ และเกินกำหนดตอบเมื่อ { $due }
    โปรดมอบหมายหรือติดตามผู้รับผิดชอบ:
    { $link }

## Outbox
nav-outbox = กล่องจดหมายขาออก
outbox-title = กล่องจดหมายขาออก
outbox-intro = อีเมลที่ระบบส่ง (เช่น การตอบรับเรื่อง) เนื้อความจะถูกลบเมื่อส่งสำเร็จเพราะมีลิงก์ติดตามที่เป็นความลับ หากยังไม่ได้ตั้งค่า SMTP อีเมลจะรออยู่ที่นี่
outbox-waiting-count = รอส่ง
outbox-empty = ยังไม่มีอีเมล
outbox-created = สร้างเมื่อ
outbox-to = ถึง
outbox-subject = เรื่อง
outbox-purpose = ประเภท
outbox-state = สถานะ
outbox-sent = ส่งแล้ว
outbox-waiting = รอส่ง
outbox-retrying = ส่งไม่สำเร็จ จะลองใหม่
outbox-given-up = ส่งไม่สำเร็จ หยุดลองแล้ว
outbox-attempts = ครั้งที่ลอง
outbox-purpose-acknowledgement = ตอบรับเรื่อง
outbox-purpose-tracking-link = ลิงก์ติดตามใหม่
outbox-purpose-escalation = แจ้งเรื่องเกินกำหนด
outbox-purpose-survey-invitation = เชิญตอบแบบสำรวจ
outbox-purpose-registration-confirmation = ยืนยันการลงทะเบียน
outbox-purpose-waitlist-promotion = ได้ที่นั่งจากรายชื่อสำรอง
outbox-purpose-activity-invitation = เชิญเข้าร่วมกิจกรรม
outbox-purpose-other = อื่น ๆ
merge-merged-into = เรื่องนี้ถูกรวมเข้ากับเรื่อง
merge-merged-here = เรื่องที่รวมเข้ามา:
merge-title = รวมเป็นเรื่องซ้ำ
merge-into = รวมเข้ากับเรื่องรหัส
merge-reason = เหตุผล (ผู้ส่งเรื่องจะเห็นข้อความนี้)
merge-submit = รวมเรื่อง
detail-escalated = เกินกำหนดตอบ แจ้งผู้อำนวยการกองแล้วเมื่อ

## Reports
nav-reports = รายงาน
report-title = รายงานการมีส่วนร่วม
report-period = ช่วงเวลา
report-period-year = ปีงบประมาณ { $year } (12 เดือน)
report-period-h1 = ปีงบประมาณ { $year } ครึ่งปีแรก (6 เดือน ต.ค.–มี.ค.)
report-period-h2 = ปีงบประมาณ { $year } ครึ่งปีหลัง (เม.ย.–ก.ย.)
report-show = แสดง
report-download-xlsx = ดาวน์โหลด Excel (XLSX)
report-definitions = นับตามวันที่รับเรื่อง (เวลาประเทศไทย) ระยะเวลาคิดเป็นวัน ค่ามัธยฐานและเปอร์เซ็นไทล์ที่ 90 คำนวณแบบเดียวกับ MEDIAN และ PERCENTILE.INC ของ Excel ร้อยละการตอบภายในกำหนดคิดจากเรื่องที่ตอบแล้ว ไม่นับช่วงเวลาที่รอผู้ส่งเรื่อง
report-summary = สรุป
report-total = ทั้งหมด
report-open = ยังไม่ได้ตอบ
report-compliance = ตอบภายในระยะเวลาที่กำหนด
report-times = ระยะเวลา (วัน)
report-median = มัธยฐาน
report-p90 = เปอร์เซ็นไทล์ที่ 90
report-first-reply-days = ถึงการตอบกลับครั้งแรก (วัน)
report-resolution-days = ถึงการดำเนินการแล้วเสร็จ (วัน)
report-month = เดือน
report-channel = ช่องทาง
report-count = จำนวน
report-sheet-summary = สรุป
report-sheet-months = รายเดือน
report-sheet-services = รายบริการ
report-sheet-groups = รายกลุ่มผู้รับบริการ
report-sheet-cells = ข้อมูลไขว้

## Consultations
nav-consultations = รับฟังความคิดเห็น
nav-you-said = คุณบอก เราทำ
consult-title = รับฟังความคิดเห็น
consult-intro = ศูนย์ฯ เปิดรับฟังความคิดเห็นต่อร่างมาตรฐานการให้บริการ คู่มือ และแผนงาน ความเห็นจะแสดงหลังผ่านการตรวจสอบ เมื่อปิดรับฟังแล้วศูนย์ฯ จะเผยแพร่สิ่งที่ปรับปรุงตามความเห็น
consult-none = ยังไม่มีการรับฟังความคิดเห็น
consult-comments = ความเห็น
consult-back = ← การรับฟังความคิดเห็นทั้งหมด
consult-status = สถานะ
consult-dates = ช่วงเวลารับฟัง
consult-for = กลุ่มเป้าหมาย
consult-response = ผลการรับฟังและสิ่งที่ปรับปรุง
consult-draft = ร่างที่รับฟังความคิดเห็น
consult-published-comments = ความเห็นที่เผยแพร่
consult-no-comments = ยังไม่มีความเห็นที่เผยแพร่
consult-anonymous = ไม่ประสงค์ออกนาม
consult-comment-title = แสดงความคิดเห็น
consult-thanks = ขอบคุณสำหรับความคิดเห็น ความเห็นของท่านจะแสดงหลังผ่านการตรวจสอบ
consult-comment = ความคิดเห็นของท่าน
consult-choose-group = เลือกกลุ่ม
consult-name = ชื่อที่ต้องการให้แสดง (ไม่บังคับ)
consult-organisation = หน่วยงาน (ไม่บังคับ)
consult-email = อีเมล (ไม่บังคับ ไม่แสดงต่อสาธารณะ)
consult-privacy = ชื่อและหน่วยงานจะแสดงพร้อมความเห็นหากท่านกรอก อีเมลใช้เพื่อติดต่อกลับเท่านั้นและไม่เผยแพร่ ข้อมูลเก็บตามนโยบายคุ้มครองข้อมูลส่วนบุคคลของศูนย์ฯ
consult-send = ส่งความคิดเห็น
consult-phase-upcoming = ยังไม่เปิดรับฟัง
consult-phase-open = เปิดรับฟังความคิดเห็น
consult-phase-closed = ปิดรับฟังแล้ว กำลังสรุปผล
consult-phase-responded = เผยแพร่ผลแล้ว
consult-field-title = ชื่อเรื่อง
consult-field-subject = ประเภทเอกสาร
consult-field-file = ไฟล์ร่าง (ถ้ามี)
consult-field-opens = วันเปิดรับฟัง
consult-field-closes = วันปิดรับฟัง (รวมวันนั้น)
consult-new = เปิดรับฟังความคิดเห็นใหม่
consult-create = เปิดรับฟัง
consult-pending = รอตรวจสอบ
consult-no-pending = ไม่มีความเห็นรอตรวจสอบ
consult-publish = เผยแพร่
consult-reject = ไม่เผยแพร่
consult-public-page = หน้าสาธารณะ
consult-respond = เผยแพร่ผลการรับฟัง
consult-publish-response = เผยแพร่ผล
consult-respond-later = เผยแพร่ผลได้หลังปิดรับฟัง
consult-subject-service-standard = มาตรฐานการให้บริการ
consult-subject-manual = คู่มือ
consult-subject-plan = แผนงาน
consult-subject-other = อื่น ๆ

## You said, we did
you-said-title = คุณบอก เราทำ
you-said-intro = ข้อเสนอแนะและข้อร้องเรียนที่ศูนย์ฯ ได้ดำเนินการแล้ว เล่าโดยเจ้าหน้าที่โดยไม่มีข้อมูลส่วนบุคคล พร้อมสิ่งที่ศูนย์ฯ ได้ทำ
you-said-none = ยังไม่มีรายการที่เผยแพร่
you-said-said = ท่านบอกว่า
you-said-did = เราได้ทำ
you-said-staff-intro = เลือกข้อเสนอแนะหรือข้อร้องเรียนที่ดำเนินการแล้วเพื่อเผยแพร่ เขียนด้วยถ้อยคำของเจ้าหน้าที่ ห้ามมีชื่อ เบอร์โทร หรือข้อมูลที่ระบุตัวบุคคล
you-said-candidates = เรื่องที่เผยแพร่ได้
you-said-no-candidates = ไม่มีเรื่องที่รอพิจารณาเผยแพร่
you-said-published = เผยแพร่แล้ว
you-said-is-published = เรื่องนี้เผยแพร่ในหน้า "คุณบอก เราทำ" แล้ว
you-said-remove = นำออกจากหน้าเผยแพร่
you-said-hint = สรุปเรื่องด้วยถ้อยคำของท่านเอง ห้ามมีข้อมูลส่วนบุคคล ข้อความนี้จะแสดงต่อสาธารณะ
you-said-publish = เผยแพร่

## Activities (milestone 2)
nav-activities = กิจกรรม
activities-title = กิจกรรมสร้างความสัมพันธ์
activities-intro = การประชุม สัมมนา อบรม และกิจกรรมที่ศูนย์ฯ จัดร่วมกับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย ลงทะเบียนได้โดยไม่ต้องมีบัญชี
activities-subscribe = เพิ่มปฏิทินกิจกรรมทั้งหมดลงในปฏิทินของท่าน (iCalendar)
activities-none = ยังไม่มีกิจกรรมที่กำลังจะจัด
activities-back = ← กิจกรรมทั้งหมด
activity-kind = ประเภท
activity-when = วันและเวลา
activity-venue = สถานที่หรือลิงก์ออนไลน์
activity-for = สำหรับ
activity-services = บริการที่เกี่ยวข้อง
activity-division = ผู้จัด
activity-registration = การลงทะเบียน
activity-registration-window = เปิดรับ
activity-places = ที่นั่งที่ลงทะเบียนแล้ว
activity-places-left = ที่นั่งว่าง
activity-add-to-calendar = เพิ่มลงในปฏิทิน (.ics)
activity-register-title = ลงทะเบียนเข้าร่วม
activity-full-waitlist = ที่นั่งเต็มแล้ว ท่านยังลงทะเบียนได้ในรายชื่อสำรอง และจะได้รับแจ้งทางอีเมลเมื่อมีผู้ยกเลิก
activity-reg-name = ชื่อ–นามสกุล
activity-reg-organisation = หน่วยงาน (ถ้ามี)
activity-reg-reach = กรอกอีเมลหรือเบอร์โทรศัพท์อย่างน้อยหนึ่งช่อง เพื่อให้เราติดต่อท่านได้
activity-reg-email = อีเมล
activity-reg-phone = เบอร์โทรศัพท์
activity-reg-privacy = ข้อมูลของท่านใช้เพื่อจัดกิจกรรมนี้และนับจำนวนผู้เข้าร่วมเท่านั้น ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านขอลบข้อมูลได้ทุกเมื่อ
activity-register = ลงทะเบียน
activity-kind-meeting = การประชุม
activity-kind-seminar = การสัมมนา
activity-kind-training = การฝึกอบรม
activity-kind-site-visit = การเยี่ยมชม/ลงพื้นที่
activity-kind-workshop = การประชุมเชิงปฏิบัติการ
activity-kind-focus-group = การสนทนากลุ่ม
activity-kind-public-hearing = การรับฟังความคิดเห็นสาธารณะ
activity-kind-relationship-event = กิจกรรมสร้างความสัมพันธ์
activity-status-planned = ตามแผน
activity-status-held = จัดแล้ว
activity-status-cancelled = ยกเลิก
activity-status-postponed = เลื่อน
activity-registration-open = เปิดรับลงทะเบียน
activity-registration-full = ที่นั่งเต็ม (รับรายชื่อสำรอง)
activity-registration-not-yet-open = ยังไม่เปิดรับลงทะเบียน
activity-registration-closed = ปิดรับลงทะเบียนแล้ว
activity-registration-not-taking-place = ไม่เปิดรับ (กิจกรรมยกเลิก เลื่อน หรือจัดไปแล้ว)
place-registered = ได้ที่นั่งแล้ว
place-waitlisted = อยู่ในรายชื่อสำรอง
place-cancelled = ยกเลิกแล้ว
place-walk-in = ลงทะเบียนหน้างาน
registration-title = การลงทะเบียนของท่าน
registration-done = ลงทะเบียนเรียบร้อยแล้ว โปรดแสดงรหัสหรือคิวอาร์โค้ดนี้ที่จุดลงทะเบียน
registration-waitlisted-now = ที่นั่งเต็มแล้ว ท่านอยู่ในรายชื่อสำรอง เราจะแจ้งทางอีเมลเมื่อมีที่นั่งว่าง
registration-status = สถานะ
registration-code = รหัสลงทะเบียน
registration-qr-caption = คิวอาร์โค้ดสำหรับลงชื่อเข้างาน
registration-keep-link = เก็บลิงก์ของหน้านี้ไว้ (ส่งไปทางอีเมลด้วยหากท่านกรอก) ใช้ดูหรือยกเลิกการลงทะเบียน อย่าส่งต่อให้ผู้อื่น
registration-cancel = ยกเลิกการลงทะเบียน
mail-registration-subject = ลงทะเบียน: { $title } (รหัส { $code })
mail-registration-body =
    ท่านลงทะเบียนเข้าร่วม "{ $title }" แล้ว
    สถานะ: { $place }
    รหัสลงทะเบียน: { $code }
    วันและเวลา: { $when }
    สถานที่: { $venue }

    ดูคิวอาร์โค้ดหรือยกเลิกการลงทะเบียนได้ที่ลิงก์นี้ (อย่าส่งต่อให้ผู้อื่น):
    { $link }
mail-promotion-subject = มีที่นั่งว่างสำหรับท่านแล้ว: { $title }
mail-promotion-body =
    มีผู้ยกเลิก ท่านจึงได้ที่นั่งใน "{ $title }" จากรายชื่อสำรอง
    รหัสลงทะเบียนของท่านยังคงเป็น { $code } โปรดแสดงรหัสนี้ที่จุดลงทะเบียน
activities-fiscal-year = ปีงบประมาณ
activities-none-year = ยังไม่มีกิจกรรมในปีงบประมาณนี้
activity-field-title = ชื่อกิจกรรม
activity-field-starts = เริ่ม
activity-field-ends = สิ้นสุด
activity-field-capacity = จำนวนที่นั่ง
activity-field-reg-opens = เปิดรับลงทะเบียน
activity-field-reg-closes = ปิดรับลงทะเบียน
activity-field-status = สถานะ
activity-new = สร้างกิจกรรมใหม่
activity-create = สร้างกิจกรรม
activity-edit = แก้ไขกิจกรรม
activity-save = บันทึก
activity-back = ← กลับไปที่กิจกรรม
activity-back-list = ← กิจกรรมทั้งหมด
activity-public-page = หน้าสาธารณะ
activity-set-status = เปลี่ยนสถานะ
activity-counts = จำนวนผู้เข้าร่วม
activity-attended = เข้าร่วมจริง
activity-by-group = ผู้ลงทะเบียนและผู้เข้าร่วมตามกลุ่มผู้มีส่วนได้ส่วนเสีย
activity-registrations = ผู้ลงทะเบียน
activity-no-registrations = ยังไม่มีผู้ลงทะเบียน
activity-contact = ติดต่อ
activity-checked-in = ลงชื่อเข้างาน
activity-sign-in-sheet = ใบลงชื่อ (XLSX)
activity-report-title = รายงานกิจกรรมประจำปี
checkin-open = ลงชื่อเข้างาน
checkin-title = ลงชื่อเข้างาน
checkin-code = รหัสลงทะเบียน (พิมพ์หรือสแกน)
checkin-submit = ลงชื่อเข้างาน
checkin-scan = สแกนคิวอาร์โค้ดด้วยกล้อง
checkin-ok = ลงชื่อแล้ว:
checkin-walk-in-ok = ลงทะเบียนหน้างานและลงชื่อแล้ว:
checkin-refused = ลงชื่อไม่ได้:
checkin-walk-in = ผู้ที่ไม่ได้ลงทะเบียนล่วงหน้า (ลงทะเบียนหน้างาน)
checkin-walk-in-submit = ลงทะเบียนหน้างานและลงชื่อ
outcome-title = ผลการจัดกิจกรรม
outcome-minutes = บันทึกสรุปผล/รายงานการประชุม
outcome-minutes-label = สรุปสาระสำคัญ ข้อคิดเห็น และข้อตกลง
outcome-minutes-save = บันทึกสรุปผล
outcome-photos = ภาพกิจกรรม
outcome-photos-label = เพิ่มภาพ (JPEG หรือ PNG ครั้งละไม่เกิน 5 ภาพ ภาพละไม่เกิน 10 MB)
outcome-photos-upload = อัปโหลดภาพ
outcome-follow-ups = การดำเนินการต่อเนื่อง
follow-up-what = สิ่งที่ต้องดำเนินการ
follow-up-owner = ผู้รับผิดชอบ
follow-up-due = กำหนดเสร็จ
follow-up-submission = เรื่องที่เกี่ยวข้อง (รหัสติดตาม ถ้ามี)
follow-up-open = ยังไม่เสร็จ
follow-up-done = เสร็จแล้ว
follow-up-mark-done = ทำเครื่องหมายว่าเสร็จ
follow-up-reopen = เปิดใหม่
follow-up-add = เพิ่มการดำเนินการ
engagement-download = ดาวน์โหลด XLSX
engagement-held = จัดแล้ว (ครั้ง)
engagement-planned = ตามแผน ยังไม่จัด
engagement-cancelled = ยกเลิกหรือเลื่อน
engagement-follow-ups = การดำเนินการต่อเนื่องทั้งหมด
engagement-follow-ups-done = ดำเนินการเสร็จแล้ว
engagement-follow-up-completion = ความสำเร็จของการดำเนินการต่อเนื่อง
engagement-by-kind = กิจกรรมที่จัดแล้วตามประเภท
engagement-by-division = กิจกรรมที่จัดแล้วตามส่วนงานผู้จัด
engagement-by-target-group = กิจกรรมที่จัดแล้วตามกลุ่มเป้าหมาย
engagement-attendance-by-group = ผู้ลงทะเบียนเทียบกับผู้เข้าร่วมจริงตามกลุ่ม
engagement-registered = ลงทะเบียน
engagement-attended = เข้าร่วมจริง
engagement-attendance-rate = อัตราการเข้าร่วม
engagement-no-division = ไม่ระบุส่วนงาน
sheet-title = ใบลงชื่อเข้าร่วม
sheet-number = ลำดับ
sheet-signature = ลายมือชื่อ

## Stakeholder directory (milestone 2)
nav-directory = ทะเบียนผู้มีส่วนได้ส่วนเสีย
directory-title = ทะเบียนผู้มีส่วนได้ส่วนเสีย
directory-lead = หน่วยงานและผู้ติดต่อที่ศูนย์ฯ เชิญร่วมกิจกรรม ทุกรายชื่อบันทึกฐานทางกฎหมายตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล และวันที่ได้รับข้อมูล
directory-organisations = หน่วยงาน
directory-contacts = ผู้ติดต่อ
directory-export-xlsx = ส่งออก XLSX
directory-export-csv = ส่งออก CSV
directory-all-groups = ทุกกลุ่ม
directory-filter = แสดง
directory-import = นำเข้าจากไฟล์ Excel หรือ CSV
directory-import-help = หนึ่งแถวต่อผู้ติดต่อหนึ่งคน (หรือหนึ่งหน่วยงานที่ยังไม่มีผู้ติดต่อ) ต้องมีคอลัมน์ "หน่วยงาน" และ "กลุ่มผู้มีส่วนได้ส่วนเสีย" ใช้ไฟล์ที่ส่งออกจากหน้านี้เป็นแบบฟอร์มได้ วันที่เขียนแบบ 24/11/2569 ได้ ถ้ามีแถวใดผิด ระบบจะไม่นำเข้าแถวใดเลย และแจ้งทุกช่องที่ต้องแก้ นำเข้าไฟล์เดิมซ้ำได้โดยไม่เกิดรายชื่อซ้ำ
directory-import-refused = ไม่ได้นำเข้าข้อมูลใด ๆ กรุณาแก้ไขช่องต่อไปนี้ในไฟล์แล้วนำเข้าอีกครั้ง
directory-import-file = ไฟล์ (.xlsx หรือ .csv)
directory-import-button = นำเข้า
directory-imported = นำเข้าแล้ว: หน่วยงานใหม่ { $organisations_created } แห่ง ปรับปรุง { $organisations_updated } แห่ง ผู้ติดต่อใหม่ { $contacts_created } คน ปรับปรุง { $contacts_updated } คน
import-row = แถว
import-column = คอลัมน์
import-value = ค่าที่พบ
import-reason = เหตุผล
directory-new-organisation = เพิ่มหน่วยงาน
directory-add-organisation = เพิ่มหน่วยงาน
directory-add-contact = เพิ่มผู้ติดต่อ
directory-empty = ยังไม่มีหน่วยงานในทะเบียน เพิ่มทีละแห่งหรือนำเข้าจากไฟล์
directory-erase = ลบข้อมูลส่วนบุคคล
directory-erase-confirm = เจ้าของข้อมูลขอให้ลบ
directory-erased = ลบข้อมูลส่วนบุคคลตามคำขอแล้ว
directory-col-organisation = หน่วยงาน
directory-col-group = กลุ่มผู้มีส่วนได้ส่วนเสีย
directory-col-province = จังหวัด
directory-col-org-type = ประเภทหน่วยงาน
directory-col-contact-name = ชื่อผู้ติดต่อ
directory-col-position = ตำแหน่ง
directory-col-email = อีเมล
directory-col-phone = โทรศัพท์
directory-col-pdpa-basis = ฐานทางกฎหมายในการเก็บข้อมูล
directory-col-given-on = วันที่ได้รับข้อมูล
pdpa-basis-consent = ความยินยอม
pdpa-basis-contract = สัญญา
pdpa-basis-legal-obligation = หน้าที่ตามกฎหมาย
pdpa-basis-public-task = ภารกิจของรัฐ
pdpa-basis-legitimate-interest = ประโยชน์โดยชอบด้วยกฎหมาย
pdpa-basis-vital-interest = ประโยชน์สำคัญต่อชีวิต
field-too-many-rows = มีเกิน { $max } แถว กรุณาแบ่งไฟล์
field-differs-from-earlier-row = ไม่ตรงกับแถวที่ { $row } ซึ่งเป็นหน่วยงานเดียวกัน
field-self-reference = ขั้นตอนนี้ชี้กลับมาที่ตัวเอง
field-step-loop = เส้นทางปกติวนกลับมาที่ขั้นตอนนี้และไม่สิ้นสุด
field-unreachable = ไม่มีขั้นตอนใดนำมาสู่ขั้นตอนนี้
field-already-exists = มีอยู่แล้ว
mail-invitation-subject = ขอเชิญเข้าร่วม: { $title }
mail-invitation-body =
    เรียน { $name } ({ $organisation })

    ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย ขอเชิญท่านเข้าร่วม "{ $title }"
    วันและเวลา: { $when }
    สถานที่: { $venue }

    ลงทะเบียนได้ถึง { $closes } ที่
    { $link }
invitations-title = การเชิญ
invitations-lead = เชิญผู้ติดต่อในทะเบียนทางอีเมล ทั้งกลุ่มหรือรายบุคคล ผู้ที่เคยเชิญแล้วจะไม่ได้รับอีเมลซ้ำ ผู้ที่ไม่มีอีเมลจะอยู่ในรายชื่อเชิญเพื่อติดต่อทางโทรศัพท์หรือหนังสือ
invitations-groups = เชิญทั้งกลุ่ม
invitations-contacts = เชิญรายบุคคล
invitations-send = ส่งคำเชิญ
invitations-list = รายชื่อผู้ได้รับเชิญ (พิมพ์ได้)
invitations-list-xlsx = รายชื่อผู้ได้รับเชิญ (XLSX)
invitations-count = เชิญแล้ว { $count } คน
invitations-sent = เชิญใหม่ { $invited } คน{ $without_email ->
    [0] {""}
   *[other] {" "}(ไม่มีอีเมล { $without_email } คน ต้องติดต่อทางอื่น)
}{ $already ->
    [0] {""}
   *[other] {" "}เคยเชิญแล้ว { $already } คน
}
invitations-empty-directory = ยังไม่มีผู้ติดต่อในทะเบียน
invitations-registered = ลงทะเบียนแล้ว
invitations-invited-at = วันที่เชิญ
invitations-print = พิมพ์
registration-erase = ลบข้อมูลส่วนบุคคล
registration-erased = ลบข้อมูลตามคำขอแล้ว

## Satisfaction surveys (milestone 3)
nav-surveys = แบบสำรวจความพึงพอใจ
surveys-title = แบบสำรวจความพึงพอใจ
surveys-lead = วัดทั้งความพึงพอใจและความไม่พึงพอใจของผู้รับบริการ แยกตามบริการและกลุ่มผู้มีส่วนได้ส่วนเสีย
surveys-none = ยังไม่มีแบบสำรวจ
surveys-back = ← แบบสำรวจทั้งหมด
survey-name = ชื่อแบบสำรวจ
survey-window = ช่วงเวลาเปิดรับ
survey-opens = เปิดรับตั้งแต่
survey-closes = ปิดรับเมื่อ
survey-mode = การเก็บข้อมูลผู้ตอบ
survey-mode-anonymous = ไม่ระบุตัวตน (ไม่เก็บข้อมูลใดที่โยงถึงผู้ตอบ)
survey-mode-token = ลิงก์ใช้ครั้งเดียว (ตอบได้คนละครั้ง ไม่โยงผู้รับลิงก์กับคำตอบ)
survey-mode-identified = ระบุตัวตน
survey-band-scheme = เกณฑ์การแปลความหมายค่าเฉลี่ย
band-scheme-equal = ช่วงเท่ากัน 0.80 (4.21–5.00 มากที่สุด)
band-scheme-rounded = ช่วงรอบจำนวนเต็ม (4.51–5.00 มากที่สุด)
survey-new = สร้างแบบสำรวจใหม่
survey-new-help = ใช้แบบสอบถามมาตรฐาน 5 ด้าน (22 ข้อ) พร้อมคำถามปลายเปิด "สิ่งที่ไม่พึงพอใจ" และ "สิ่งที่ควรปรับปรุง" ระบุจำนวนประชากรของแต่ละกลุ่มเพื่อคำนวณขนาดตัวอย่างตามสูตรของ Taro Yamane
survey-groups-populations = กลุ่มผู้ตอบและจำนวนประชากร
survey-population = จำนวนประชากร
survey-launch = เปิดแบบสำรวจ
survey-lead = โปรดให้คะแนนแต่ละข้อตามความเป็นจริง ข้อที่ไม่เกี่ยวข้องกับท่านเลือก "ไม่เกี่ยวข้อง" ได้ ใช้เวลาประมาณ 5 นาที
survey-privacy-anonymous = แบบสำรวจนี้ไม่เก็บชื่อ อีเมล หรือข้อมูลใดที่ระบุตัวท่าน และบันทึกเวลาเพียงระดับวัน
survey-privacy-identified = แบบสำรวจนี้ขอชื่อและอีเมลของท่าน เพื่อติดต่อกลับเรื่องที่ท่านแจ้ง ข้อมูลใช้เพื่อการปรับปรุงบริการเท่านั้น
survey-errors = ยังตอบไม่ครบหรือมีคำตอบที่ไม่ถูกต้อง กรุณาดูข้อความใต้ข้อที่ระบุ
survey-about-you = ข้อมูลผู้ตอบ
survey-service-used = บริการที่ใช้
survey-choose-service = เลือกบริการ
survey-submit = ส่งแบบสำรวจ
survey-thanks-title = ขอบคุณที่ตอบแบบสำรวจ
survey-thanks-body = คำตอบของท่านถูกบันทึกแล้ว ศูนย์ฯ จะนำไปปรับปรุงบริการ และรายงานสิ่งที่ปรับปรุงแล้วให้ทราบ
survey-see-improvements = ดูสิ่งที่ศูนย์ฯ ปรับปรุงจากความคิดเห็นของท่าน
scale-5 = มากที่สุด
scale-4 = มาก
scale-3 = ปานกลาง
scale-2 = น้อย
scale-1 = น้อยที่สุด
scale-na = ไม่เกี่ยวข้อง
band-very-high = มากที่สุด
band-high = มาก
band-moderate = ปานกลาง
band-low = น้อย
band-very-low = น้อยที่สุด
survey-public-link = ลิงก์สำหรับผู้ตอบ
survey-all = ทั้งหมด
survey-from-month = ตั้งแต่เดือน
survey-to-month = ถึงเดือน
survey-summary = ภาพรวม
survey-responses = จำนวนผู้ตอบ
survey-dissatisfied-respondents = ผู้ตอบที่ไม่พึงพอใจอย่างน้อยหนึ่งข้อ (ให้คะแนน 1–2)
survey-overall-mean = ค่าเฉลี่ยรวม
survey-satisfied-pct = ร้อยละความพึงพอใจ (ตอบ 4–5)
survey-mean-pct = ร้อยละความพึงพอใจ (ค่าเฉลี่ย ÷ 5 × 100)
survey-dissatisfied-pct = ร้อยละความไม่พึงพอใจ (ตอบ 1–2)
survey-pct-explained = ร้อยละความพึงพอใจแสดงสองแบบ: สัดส่วนคำตอบระดับ 4–5 และค่าเฉลี่ยหารด้วย 5 คูณ 100 ไม่นับคำตอบ "ไม่เกี่ยวข้อง" ส่วนเบี่ยงเบนมาตรฐานเป็นแบบตัวอย่าง (n − 1)
survey-sample = ความเพียงพอของกลุ่มตัวอย่าง (Taro Yamane, e = 0.05)
survey-required = ต้องการ
survey-achieved = ได้รับ
survey-adequate = เพียงพอ
survey-adequate-yes = เพียงพอ
survey-adequate-no = ยังไม่เพียงพอ
survey-dimensions = รายด้าน
survey-dimension = ด้าน
survey-mean = ค่าเฉลี่ย
survey-band = ระดับ
survey-satisfied-short = พึงพอใจ %
survey-dissatisfied-short = ไม่พึงพอใจ %
survey-overall = ภาพรวมทุกด้าน
survey-weakest = ข้อที่มีความไม่พึงพอใจสูงสุด
survey-items = รายข้อ
survey-item = ข้อคำถาม
error-gone = ไม่เปิดให้ดำเนินการแล้ว
error-gone-detail = รายการนี้ปิดแล้ว
error-survey-closed = แบบสำรวจปิดรับแล้ว
error-survey-closed-detail = แบบสำรวจนี้ปิดรับคำตอบแล้ว ขอบคุณที่สนใจ
error-survey-not-open = แบบสำรวจยังไม่เปิดรับ
error-survey-not-open-detail = แบบสำรวจนี้ยังไม่ถึงเวลาเปิดรับคำตอบ
error-token-used = ลิงก์นี้ใช้ตอบไปแล้ว
error-token-used-detail = ลิงก์แบบสำรวจนี้ใช้ได้ครั้งเดียวและถูกใช้ตอบไปแล้ว
error-token-unknown = ลิงก์แบบสำรวจไม่ถูกต้อง
error-token-unknown-detail = แบบสำรวจนี้ต้องตอบผ่านลิงก์ที่ได้รับทางอีเมล กรุณาเปิดจากลิงก์ในอีเมลอีกครั้ง
survey-paper = คำตอบจากแบบสอบถามกระดาษ
survey-paper-title = แบบบันทึกคำตอบแบบสอบถามกระดาษ
survey-paper-help = บันทึกแบบสอบถามกระดาษลงในแบบฟอร์ม Excel หนึ่งแถวต่อหนึ่งฉบับ ใส่คะแนน 1–5 หรือ "ไม่เกี่ยวข้อง" กลุ่มและบริการใส่ชื่อหรือรหัสก็ได้ ถ้ามีแถวใดผิด ระบบจะไม่นำเข้าเลยและแจ้งทุกช่องที่ต้องแก้
survey-paper-template = ดาวน์โหลดแบบฟอร์ม (XLSX)
survey-paper-imported = นำเข้าคำตอบจากกระดาษแล้ว { $count } ฉบับ

## Improvement loop and service standards (milestone 3)
nav-improvements = แผนการปรับปรุง
nav-standards = มาตรฐานการให้บริการ
improvements-title = แผนการปรับปรุงบริการ
improvements-lead = สิ่งที่ศูนย์ฯ จะเปลี่ยนจากผลสำรวจ: ข้อคำถาม ด้าน หรือความคิดเห็นที่ไม่พึงพอใจ พร้อมผู้รับผิดชอบ กำหนดเสร็จ และความคืบหน้า
improvements-none = ยังไม่มีแผนการปรับปรุง
improvement-new = เพิ่มแผนการปรับปรุง
improvement-edit = แก้ไขแผนการปรับปรุง
improvement-what = สิ่งที่จะปรับปรุง
improvement-source = ที่มา
improvement-source-item = ข้อคำถาม
improvement-source-dimension = ด้าน
improvement-source-comment = ความคิดเห็น
improvement-ref = รหัสข้อ ด้าน หรือคำตอบ
improvement-progress = ความคืบหน้า
improvement-public = แสดงต่อสาธารณะ
improvement-shown = แสดงแล้ว
improvement-public-text = ข้อความบนหน้า "ท่านบอก เราทำ"
improvement-public-hint = เว้นว่างไว้เพื่อใช้ภายในเท่านั้น ข้อความนี้จะแสดงต่อสาธารณะตามที่เขียน
improvement-save = บันทึก
improvement-from-item = สร้างแผนปรับปรุง
improvement-status-planned = วางแผนแล้ว
improvement-status-in-progress = กำลังดำเนินการ
improvement-status-done = เสร็จแล้ว
you-said-improved = สิ่งที่เราปรับปรุงจากผลสำรวจ
you-said-improved-intro = ศูนย์ฯ นำผลสำรวจความพึงพอใจและความไม่พึงพอใจมาปรับปรุงบริการ ดังนี้
standards-title = มาตรฐานการให้บริการ
standards-lead = เป้าหมายของแต่ละบริการเทียบกับผลที่วัดได้ในปีงบประมาณ: ความพึงพอใจและความไม่พึงพอใจจากแบบสำรวจ การตอบกลับตามกำหนด และระยะเวลาแก้ไขเรื่อง
standard-satisfied = พึงพอใจ % (ตอบ 4–5)
standard-dissatisfied = ไม่พึงพอใจ % (ตอบ 1–2)
standard-reply = ตอบกลับทันกำหนด %
standard-reply-target = กำหนดตอบกลับ (วัน)
standard-resolution = ระยะเวลาแก้ไขเรื่อง (มัธยฐาน วัน)
standard-met = ผ่าน
standard-not-met = ไม่ผ่าน
standards-explained = ค่าแรกคือผลที่วัดได้ ค่าหลังเครื่องหมาย ≥ หรือ ≤ คือเป้าหมาย ช่องที่ไม่มีเป้าหมายหรือยังไม่มีข้อมูลจะไม่ตัดสิน
standards-set = กำหนดเป้าหมาย
standard-satisfied-min = พึงพอใจอย่างน้อย (%)
standard-dissatisfied-max = ไม่พึงพอใจไม่เกิน (%)
standard-resolution-days = แก้ไขเรื่องภายใน (วัน)
survey-links = ส่งลิงก์ตอบแบบสำรวจทางอีเมล
survey-links-help = แต่ละคนได้ลิงก์ที่ใช้ตอบได้ครั้งเดียว ระบบเก็บว่าใครได้รับลิงก์แยกจากคำตอบ และไม่มีทางโยงผู้รับกับคำตอบได้ ผู้ที่เคยได้รับลิงก์ของแบบสำรวจนี้แล้วจะไม่ได้รับซ้ำ
survey-links-recipients = อีเมลผู้รับ (บรรทัดละหนึ่งอีเมล หรือคั่นด้วยจุลภาค)
survey-links-send = ส่งลิงก์
survey-links-refused = ยังไม่ได้ส่งลิงก์ใด ๆ กรุณาแก้ไขรายการต่อไปนี้
survey-links-mailed = ส่งลิงก์แล้ว { $sent } คน (ข้าม { $skipped } คนที่เคยได้รับแล้ว)
mail-survey-subject = ขอเชิญตอบแบบสำรวจ: { $title }
mail-survey-body =
    ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย ขอความกรุณาท่านตอบแบบสำรวจ "{ $title }" ใช้เวลาประมาณ 5 นาที

    ลิงก์นี้ใช้ตอบได้ครั้งเดียว (อย่าส่งต่อให้ผู้อื่น) เปิดรับถึง { $closes }
    { $link }

    คำตอบของท่านไม่ถูกโยงกับชื่อหรืออีเมลของท่าน
error-not-a-token-survey = แบบสำรวจนี้ไม่ใช้ลิงก์ใช้ครั้งเดียว
error-not-a-token-survey-detail = ส่งลิงก์ทางอีเมลได้เฉพาะแบบสำรวจที่ตั้งค่าเป็นลิงก์ใช้ครั้งเดียว
survey-opens-on = แบบสำรวจนี้จะเปิดรับคำตอบตั้งแต่ { $when }
survey-closed-on = แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อ { $when } ขอบคุณที่สนใจ

## Survey comments and terms
survey-comments = สิ่งที่ผู้ไม่พึงพอใจเขียนถึง
survey-comments-read = { $count ->
    [0] ยังไม่มีผู้ไม่พึงพอใจที่ตอบคำถามปลายเปิด
   *[other] คำที่ผู้ไม่พึงพอใจ (ให้คะแนน 1 หรือ 2 ในข้อใดข้อหนึ่ง) ใช้มากที่สุด นับเป็นจำนวนคน จากผู้ไม่พึงพอใจล่าสุด { $count } คน
}
survey-terms-respondents = { $count } คนที่เขียน
survey-comments-latest = ความเห็นล่าสุด
survey-comments-low = ให้คะแนนต่ำด้าน
improvement-from-comment = สร้างแผนปรับปรุงจากความเห็นนี้
improvement-from-dimension = สร้างแผนปรับปรุงด้านนี้

## Survey exports and chart
survey-export = ดาวน์โหลดรายงาน
survey-export-level = ระดับ
survey-export-level-item = ข้อคำถาม
survey-export-level-dimension = ด้าน
survey-export-level-overall = ภาพรวม
survey-export-code = รหัส
survey-export-sheet-figures = ผลการสำรวจ
survey-export-sheet-groups = กลุ่มตัวอย่าง
survey-export-chart = ร้อยละพึงพอใจและไม่พึงพอใจรายด้าน
survey-chart-title = สัดส่วนความพึงพอใจรายด้าน
survey-chart-desc = แต่ละแถบคือร้อยละของคำตอบ 1–2 (ไม่พึงพอใจ) 3 (เฉย ๆ) และ 4–5 (พึงพอใจ) ของด้านนั้น ตัวเลขเดียวกันอยู่ในตารางรายด้าน
survey-chart-dissatisfied = ไม่พึงพอใจ (1–2)
survey-chart-neutral = ปานกลาง (3)
survey-chart-satisfied = พึงพอใจ (4–5)

## Survey trend
survey-trend = เทียบกับการสำรวจครั้งก่อน
survey-trend-against = ใช้แบบสอบถามเดียวกัน บริการและกลุ่มเดียวกับตัวกรอง เทียบกับ
survey-before = ครั้งก่อน
survey-now = ครั้งนี้
survey-change = เปลี่ยนแปลง (จุด)
survey-before-after = ผลของแผนปรับปรุงจากครั้งก่อน: ก่อนและหลัง

# Printed survey documents
survey-print = พิมพ์และเผยแพร่
survey-pdf-download = รายงานสรุป (PDF)
survey-pdf-download-thai = รายงานสรุป (PDF เลขไทย)
survey-poster = โปสเตอร์คิวอาร์โค้ด (A4, PDF)
survey-qr-png = คิวอาร์โค้ด (PNG)
survey-qr-svg = คิวอาร์โค้ด (SVG)
survey-pdf-title = รายงานผลการสำรวจความพึงพอใจและความไม่พึงพอใจของผู้รับบริการ
survey-pdf-months = เดือนที่รวมในรายงาน
survey-pdf-n = n
survey-pdf-sd = S.D.
survey-pdf-term = คำที่ผู้ไม่พึงพอใจเขียนถึงบ่อยที่สุด
survey-pdf-term-respondents = จำนวนผู้เขียน (คน)
survey-pdf-no-comments = ไม่มีความเห็นจากผู้ไม่พึงพอใจ
survey-pdf-no-answers = ยังไม่มีคำตอบ
survey-pdf-alpha-note = alpha คือค่าความเชื่อมั่นของครอนบาค คำนวณจากผู้ตอบที่ให้คะแนน 1–5 ครบทุกข้อของด้านนั้น
survey-pdf-trend-note = เทียบกับ { $previous } (ร้อยละพึงพอใจ / ร้อยละไม่พึงพอใจ)
survey-pdf-issued = ออกรายงานเมื่อ { $when } โดยระบบร่วมใจ
poster-survey-heading = ร่วมตอบแบบสำรวจความพึงพอใจ
poster-survey-heading-second = Tell us how we served you
poster-survey-open-until = เปิดรับคำตอบถึง { $when }
poster-scan = สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์ หรือเปิดลิงก์
poster-qr-alt = คิวอาร์โค้ดของลิงก์
error-token-survey-poster = แบบสำรวจนี้ไม่มีโปสเตอร์
error-token-survey-poster-detail = แบบสำรวจนี้ตอบได้ผ่านลิงก์ส่วนตัวที่ส่งทางอีเมลเท่านั้น โปสเตอร์จะพาคนอื่นไปยังหน้าที่ตอบไม่ได้

# Citizen manuals
unit-minutes = { $n } นาที
unit-hours = { $n } ชั่วโมง
unit-working-days = { $n } วันทำการ
unit-days = { $n } วัน
flowchart-start = เริ่มต้น
flowchart-end = สิ้นสุด
flowchart-yes = ใช่
flowchart-no = ไม่ใช่
flowchart-total = รวม { $total }
flowchart-title = ผังขั้นตอนการให้บริการ: { $service }
flowchart-description = { $steps } ขั้นตอน ระยะเวลารวม { $total }
charter-title = กฎบัตรการให้บริการ
charter-intro = บริการทั้ง 12 งานของศูนย์ พร้อมระยะเวลามาตรฐาน ค่าธรรมเนียม และช่องทางการรับบริการ เลือกบริการเพื่ออ่านคู่มือสำหรับประชาชน
charter-search-label = ค้นหาคู่มือ
charter-search-placeholder = เช่น อีเมล เครือข่าย ประชุมทางไกล
charter-search-button = ค้นหา
charter-found = { $count ->
    [0] ไม่พบคู่มือที่ตรงกับคำค้น
   *[other] พบ { $count } บริการ
}
charter-not-found = ลองใช้คำอื่น หรือดูบริการทั้งหมด
charter-show-all = ดูบริการทั้งหมด
charter-service-number = บริการที่
charter-standard-time = ระยะเวลามาตรฐาน
charter-fee = ค่าธรรมเนียม
charter-channel = ช่องทางให้บริการ
charter-read-manual = อ่านคู่มือสำหรับประชาชน
charter-manual-coming = คู่มือของบริการนี้กำลังจัดทำ ติดต่อสอบถามได้ที่หมายเลขด้านล่าง
manual-kicker = คู่มือสำหรับประชาชน
manual-revision = ฉบับที่
manual-published-on = ประกาศใช้
manual-all-services = บริการทั้งหมด
manual-section-unit = หน่วยงานที่รับผิดชอบ
manual-section-legal = หลักเกณฑ์ตามกฎหมาย
manual-section-channels = ช่องทางการให้บริการ
manual-hours = ระยะเวลาเปิดให้บริการ
manual-contact = ติดต่อ
manual-section-criteria = หลักเกณฑ์ วิธีการ เงื่อนไข
manual-section-steps = ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ
manual-total-time = ระยะเวลาดำเนินการรวม
manual-flowchart-caption = แผนผังขั้นตอนการให้บริการ
manual-decision = จุดตัดสินใจ
manual-to-step = ขั้นตอนที่ { $n }
manual-section-documents = รายการเอกสารหลักฐานประกอบ
manual-no-documents = ไม่ต้องใช้เอกสาร
manual-copies = { $count } ฉบับ
manual-section-fees = ค่าธรรมเนียม
manual-no-fee = ไม่มีค่าธรรมเนียม
manual-baht = { $n } บาท
manual-section-complaints = ช่องทางการร้องเรียน แนะนำบริการ
manual-complain-online = ร้องเรียนหรือเสนอแนะทางออนไลน์
manual-section-forms = ตัวอย่างแบบฟอร์ม ตัวอย่าง และคู่มือการกรอก
manual-section-notes = หมายเหตุ
manual-pdf-issued = ฉบับที่ { $revision } ประกาศใช้เมื่อ { $date }
manual-pdf-source = อ่านคู่มือฉบับปัจจุบันได้ที่ { $url }
manual-step-number = ที่
manual-step = ขั้นตอน
manual-step-duration = ระยะเวลา
manual-step-unit-all = ผู้รับผิดชอบทุกขั้นตอน: { $unit }
manual-step-unit = ผู้รับผิดชอบ
manual-download-pdf = ดาวน์โหลดคู่มือ (PDF)
manual-download-poster = โปสเตอร์คิวอาร์โค้ด (PDF)
poster-manual-heading = คู่มือสำหรับประชาชน
poster-manual-heading-second = How to get this service
nav-manuals = คู่มือสำหรับประชาชน
manuals-title = คู่มือสำหรับประชาชน
manuals-lead = จัดทำและปรับปรุงคู่มือของแต่ละบริการ ส่งตรวจ อนุมัติ และประกาศเผยแพร่พร้อมหลักฐานการประกาศ
manuals-in-force = ฉบับที่ใช้อยู่
manuals-in-progress = ฉบับที่กำลังดำเนินการ
manuals-public-page = หน้าสาธารณะ
manuals-none-yet = ยังไม่มีคู่มือ
manuals-edit-title = แก้ไขคู่มือ
manuals-review-comment = ความเห็นผู้ตรวจ
manuals-no-open-version = ยังไม่มีฉบับร่าง บันทึกเพื่อเริ่มฉบับใหม่จากฉบับล่าสุด
manuals-errors = ยังบันทึกไม่ได้ โปรดแก้ไขรายการต่อไปนี้
manuals-steps-hint = กรอกทีละขั้นตอนตามลำดับ แผนผังด้านข้างจะเปลี่ยนตามที่กรอก แถวที่เว้นว่างจะไม่ถูกบันทึก
manuals-change-summary = สรุปการเปลี่ยนแปลง
manuals-save-draft = บันทึกฉบับร่าง
manuals-review-heading = การตรวจและประกาศ
manuals-submit = ส่งตรวจ
manuals-approve = อนุมัติ
manuals-return = ส่งกลับให้แก้ไข
manuals-publish-at-hint = เว้นว่างเพื่อประกาศใช้ทันที หรือเลือกวันที่จะมีผลในอนาคต
manuals-announcement-date = วันที่ประกาศ
manuals-announcement-channels = ช่องทางการประกาศ
manuals-evidence-hint = เช่น หนังสือแจ้งเวียนที่สแกน หรือภาพถ่ายป้ายประกาศ (PDF, JPEG, PNG)
manuals-publish = ประกาศใช้
manuals-nothing-to-do = ขณะนี้ไม่มีขั้นตอนที่ท่านต้องดำเนินการ
manuals-history = ประวัติฉบับ
manuals-people = ผู้จัดทำ / ผู้อนุมัติ
manuals-approved-by = อนุมัติโดย
manual-announcement = การประกาศ
manual-publish-at = วันที่มีผลใช้บังคับ
manual-evidence = หลักฐานการประกาศ
manual-row = { $section } แถวที่ { $n }
manual-field-place = สถานที่
manual-field-title = ชื่อ
manual-field-description = รายละเอียด
manual-field-unit = หน่วยเวลา
manual-field-kind = ประเภท
manual-kind-task = ขั้นตอนดำเนินการ
manual-field-then = ขั้นตอนถัดไป
manual-next-step = ขั้นตอนถัดไปตามลำดับ
manual-field-document = ชื่อเอกสาร
manual-field-copies = จำนวนฉบับ
manual-field-note = หมายเหตุ
manual-field-fee-item = รายการ
manual-field-baht = จำนวนเงิน (บาท)
manual-field-url = ลิงก์หรือไฟล์
standing-draft = ฉบับร่าง
standing-in-review = รอตรวจ
standing-approved = อนุมัติแล้ว รอประกาศ
standing-published = ประกาศแล้ว
standing-scheduled = กำหนดประกาศใช้
standing-current = ใช้อยู่ปัจจุบัน
standing-superseded = ยกเลิกแล้ว (มีฉบับใหม่)
announce-website = เว็บไซต์
announce-notice-board = ป้ายประกาศ ณ จุดให้บริการ
announce-official-letter = หนังสือราชการ
announce-social-media = สื่อสังคมออนไลน์
announce-meeting = การประชุม
unit-name-minutes = นาที
unit-name-hours = ชั่วโมง
unit-name-working-days = วันทำการ
unit-name-days = วัน
