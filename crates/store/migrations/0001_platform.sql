-- The platform: offices, the catalog of the ICT Center, staff accounts,
-- sessions, API tokens, login throttling and the hash-chained audit log.

CREATE TABLE offices (
    id {id},
    code TEXT NOT NULL UNIQUE,
    name_th TEXT NOT NULL,
    name_en TEXT NOT NULL,
    short_th TEXT NOT NULL,
    short_en TEXT NOT NULL,
    phone TEXT NOT NULL,
    extension TEXT NOT NULL
);

INSERT INTO offices (code, name_th, name_en, short_th, short_en, phone, extension) VALUES
('moi-ict',
 'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย',
 'Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior',
 'ศสส.สป.', 'ICT Center', '0 2282 6581', '51401');

CREATE TABLE divisions (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    code TEXT NOT NULL,
    position BIGINT NOT NULL,
    name_th TEXT NOT NULL,
    name_en TEXT NOT NULL,
    phone TEXT NOT NULL,
    extension TEXT NOT NULL,
    UNIQUE (office_id, code)
);

INSERT INTO divisions (office_id, code, position, name_th, name_en, phone, extension)
SELECT o.id, d.code, d.position, d.name_th, d.name_en, d.phone, d.extension
FROM offices o, (
    SELECT 'monitoring-evaluation' AS code, 1 AS position, 'ส่วนติดตามประเมินผลฯ' AS name_th,
           'Monitoring and Evaluation Division' AS name_en, '0 2697 9972' AS phone, '51124' AS extension
    UNION ALL SELECT 'infrastructure', 2, 'ส่วนโครงสร้างพื้นฐาน', 'Infrastructure Division', '0 2282 6582', '51450'
    UNION ALL SELECT 'communication-technology', 3, 'ส่วนเทคโนโลยีการสื่อสาร', 'Communication Technology Division', '0 2282 6585', '59908'
    UNION ALL SELECT 'information-technology', 4, 'ส่วนเทคโนโลยีสารสนเทศ', 'Information Technology Division', '0 2697 9901', '51134'
    UNION ALL SELECT 'strategy', 5, 'ส่วนยุทธศาสตร์ฯ', 'Strategy Division', '0 2281 1567', '51420'
    UNION ALL SELECT 'general-administration', 6, 'ส่วนอำนวยการ', 'General Administration Division', '0 2282 6580', '51410'
) d
WHERE o.code = 'moi-ict';

CREATE TABLE services (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    code TEXT NOT NULL,
    number BIGINT NOT NULL,
    name_th TEXT NOT NULL,
    name_en TEXT NOT NULL,
    division_id BIGINT NOT NULL REFERENCES divisions (id),
    UNIQUE (office_id, code)
);

-- The owning division of each service is not on the sheet: these are a
-- reasonable starting point that an administrator can change.
INSERT INTO services (office_id, code, number, name_th, name_en, division_id)
SELECT o.id, s.code, s.number, s.name_th, s.name_en, d.id
FROM offices o
JOIN (
    SELECT 'information-systems' AS code, 1 AS number,
           'งานบริการพัฒนาและบำรุงรักษาระบบงานสารสนเทศ' AS name_th,
           'Development and maintenance of information systems' AS name_en,
           'information-technology' AS division
    UNION ALL SELECT 'e-information', 2, 'งานบริการสารสนเทศอิเล็กทรอนิกส์',
           'Electronic information services', 'information-technology'
    UNION ALL SELECT 'computer-systems', 3, 'งานบริการพัฒนาและบำรุงรักษาระบบคอมพิวเตอร์',
           'Development and maintenance of computer systems', 'information-technology'
    UNION ALL SELECT 'network-interconnection', 4, 'งานเชื่อมโยงเครือข่ายโทรคมนาคม (ICT) มหาดไทย',
           'Ministry of Interior ICT telecommunication network interconnection', 'infrastructure'
    UNION ALL SELECT 'network-status', 5,
           'งานตรวจสอบสถานะการทำงาน (Status) ของอุปกรณ์เครือข่ายโทรคมนาคมและอุปกรณ์สื่อสาร',
           'Status monitoring of telecom network and communication equipment', 'infrastructure'
    UNION ALL SELECT 'network-inspection', 6, 'งานตรวจสอบอุปกรณ์เครือข่ายโทรคมนาคม และอุปกรณ์สื่อสาร',
           'Inspection of telecom network and communication equipment', 'infrastructure'
    UNION ALL SELECT 'telephone-fax', 7, 'งานระบบโทรศัพท์/โทรสารมหาดไทย',
           'Ministry of Interior telephone / fax system', 'communication-technology'
    UNION ALL SELECT 'msat', 8, 'งานติดตั้งระบบสื่อสารผ่านดาวเทียมแบบเคลื่อนที่ (MSAT)',
           'Installation of mobile satellite communication systems, MSAT', 'communication-technology'
    UNION ALL SELECT 'video-conference', 9, 'งานติดตั้งระบบวีดิทัศน์ทางไกล',
           'Installation of video-conference systems', 'communication-technology'
    UNION ALL SELECT 'security-equipment', 10,
           'งานบริการการติดตั้ง/บำรุงรักษาอุปกรณ์สื่อสารเพื่อความมั่นคง (CCTV, Jammer)',
           'Installation and maintenance of security communication equipment: CCTV, jammers',
           'communication-technology'
    UNION ALL SELECT 'ict-training', 11, 'งานฝึกอบรมความรู้ด้าน ICT', 'ICT training', 'strategy'
    UNION ALL SELECT 'procurement-analysis', 12,
           'งานวิเคราะห์โครงการจัดหาระบบคอมพิวเตอร์ของหน่วยงานในสังกัดกระทรวงมหาดไทย',
           'Analysis of computer procurement projects of agencies under the Ministry', 'strategy'
) s ON 1 = 1
JOIN divisions d ON d.office_id = o.id AND d.code = s.division
WHERE o.code = 'moi-ict';

CREATE TABLE stakeholder_groups (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    code TEXT NOT NULL,
    number BIGINT NOT NULL,
    name_th TEXT NOT NULL,
    name_en TEXT NOT NULL,
    UNIQUE (office_id, code)
);

INSERT INTO stakeholder_groups (office_id, code, number, name_th, name_en)
SELECT o.id, g.code, g.number, g.name_th, g.name_en
FROM offices o, (
    SELECT 'other-ministries' AS code, 1 AS number, 'กระทรวง ทบวง กรม อื่น ๆ' AS name_th,
           'Other ministries, bureaus and departments' AS name_en
    UNION ALL SELECT 'moi-agencies', 2, 'หน่วยงานในสังกัดกระทรวงมหาดไทย', 'Agencies under the Ministry of Interior'
    UNION ALL SELECT 'provinces', 3, 'จังหวัด', 'Provinces'
    UNION ALL SELECT 'independent-organisations', 4, 'องค์กรอิสระ', 'Independent organisations'
    UNION ALL SELECT 'private-sector', 5, 'หน่วยงานเอกชน', 'Private-sector organisations'
    UNION ALL SELECT 'executives', 6, 'ผู้บริหาร', 'Executives'
    UNION ALL SELECT 'public', 7, 'ประชาชน', 'The public, citizens'
) g
WHERE o.code = 'moi-ict';

CREATE TABLE users (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    division_id BIGINT REFERENCES divisions (id),
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- Only a hash of the session token is stored: a copy of the database does
-- not let anyone sign in as its users.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

-- Failed logins per throttling key (a hash of an account or of an address).
CREATE TABLE login_failures (
    throttle_key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (throttle_key, at);

-- The head of each office's audit chain; appending updates it first, which
-- serializes appends on both backends.
CREATE TABLE audit_chains (
    office_id BIGINT PRIMARY KEY REFERENCES offices (id),
    seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);
INSERT INTO audit_chains (office_id, seq, head_hash)
SELECT id, 0, '0000000000000000000000000000000000000000000000000000000000000000' FROM offices;

CREATE TABLE audit_log (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor_user_id BIGINT REFERENCES users (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (office_id, seq)
);

-- The audit log is append-only: the database itself refuses edits.
--@sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--@end
--@postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--@end
