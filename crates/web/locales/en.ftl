# English — the product's second language. Keep keys identical to th.ftl.

app-name = Ruamjai
office-short = ICT Center
office-name = Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior
skip-to-content = Skip to main content
switch-language = ภาษาไทย

nav-main-label = Main menu
nav-services = Services
nav-groups = Who we serve
nav-contact = Contact us
nav-staff = Staff area
nav-login = Staff login
nav-api = API documentation for developers
nav-staff-label = Staff menu
nav-dashboard = Staff home
nav-catalog = Services, divisions and groups
nav-users = User accounts
nav-audit = Audit log

footer-phone = Phone
footer-extension = ext.

home-title = Home
home-lead = Ruamjai ("joining hands") lets the people and organisations the Center serves take part in its work: requests, suggestions and complaints, activities, satisfaction surveys, and manuals on how to contact us.
home-services-title = Our services
home-services-intro = The Center provides 12 services, each run by a division you can call directly.
home-groups-title = Who we serve
home-groups-intro = The Center serves and listens to 7 groups of service users and stakeholders.
home-contact-title = Contact a division
home-contact-intro = Call the responsible division directly on the numbers below during official hours.
contact-division = Division
contact-phone = Phone

login-title = Staff login
login-intro = For the Center's staff. Citizens never need an account to use our services.
login-email = E-mail
login-password = Password
login-submit = Log in
login-failed = Wrong e-mail or password.
login-throttled = Too many failed attempts. Please try again in { $minutes } minutes.
logout = Log out

dashboard-title = Staff home
dashboard-welcome = Welcome,
dashboard-role = Role
dashboard-email = E-mail
dashboard-division = Division
dashboard-areas = Your work

role-administrator = Administrator
role-director = Center director (indicator owner)
role-collector = Division director (data collector)
role-officer = Officer
role-evaluator = Evaluator

catalog-title = Services, divisions and groups
catalog-intro = Edit Thai and English names, owning divisions and phone numbers. Every edit is recorded in the audit log.
catalog-services = Services
catalog-divisions = Divisions
catalog-groups = Service users and stakeholder groups
catalog-name-th = Thai name
catalog-name-en = English name
catalog-division = Owning division
save = Save

users-title = User accounts
users-name = Full name
users-status = Status
users-active = Active
users-disabled = Disabled
users-disable = Disable
users-enable = Enable
users-new = Add a user account
users-no-division = No division
users-create = Add account
users-email-taken = An account with this e-mail already exists.

audit-title = Audit log
audit-intro = Every change by staff is recorded in a hash chain: any later rewrite of history is detected.
audit-intact = The chain is intact: no entry was changed or removed.
audit-broken = The chain is broken:
audit-when = When
audit-who = Who
audit-what = What
audit-change = Change
audit-show = Show
audit-before = Before
audit-after = After

api-title = API documentation
api-intro = A JSON API for other systems. Errors are problem+json with a Thai detail (English with Accept-Language: en).
api-openapi-link = OpenAPI 3 document (JSON)
api-method = Method
api-path = Path
api-summary = Summary
api-auth = Authentication
api-auth-bearer = Bearer token
api-auth-public = Public
api-statuses = Status codes

error-back-home = Back to the home page
error-bad-request = Bad request
error-bad-request-detail = The data sent could not be read. Please check it and try again.
error-unauthenticated = Login required
error-unauthenticated-detail = Please log in or send a valid token.
error-forbidden = Not allowed
error-forbidden-detail = Your role is not allowed to do this.
error-csrf = This form has expired
error-csrf-detail = The form expired or was not sent from this site. Please reload the page and send it again.
error-not-found = Page not found
error-not-found-detail = The page or record you asked for does not exist; it may have moved, or the address is mistyped.
error-method-not-allowed = Method not allowed
error-method-not-allowed-detail = This address does not accept this kind of request.
error-conflict = Already exists
error-conflict-detail = This data already exists, so it was not saved again.
error-payload-too-large = Too large
error-payload-too-large-detail = What you sent is larger than allowed. Please make it smaller and try again.
error-unsupported-media-type = Unsupported format
error-unsupported-media-type-detail = Please send JSON or a form as documented.
error-unprocessable = Invalid data
error-unprocessable-detail = Some fields are not valid. Please correct them and send again.
error-too-many-requests = Too many requests
error-too-many-requests-detail = Please wait a moment and try again.
error-unavailable = Temporarily unavailable
error-unavailable-detail = Sorry, the service is temporarily unavailable. Please try again later.
error-internal = Something went wrong
error-internal-detail = Sorry, an internal error occurred and has been logged. Nothing you saved before was lost.

field-required = Please fill in this field.
field-too-long = Longer than { $max } characters.
field-too-short = Must be at least { $min } characters.
field-control-characters = Contains characters that are not allowed.
field-invalid-email = Not a valid e-mail address.
field-invalid-code = Use lowercase letters, digits and dashes only.
field-invalid-phone = Not a valid phone number.
field-unknown-role = No such role.
field-division-required = This role needs a division.
field-unknown-division = No such division.
field-unknown-choice = Not one of the choices; please pick from the list.
field-invalid-tracking-code = Not a valid tracking code (for example RJ-2570-000123).
