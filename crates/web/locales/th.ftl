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
