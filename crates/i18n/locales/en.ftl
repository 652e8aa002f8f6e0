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
error-transition = This status cannot follow the current one
error-builtin-questionnaire = The standard questionnaire cannot be changed
error-consultation-open = The response cannot be published while the consultation is still open.
error-already-registered = This e-mail address is already registered for this activity. The first registration is kept (its code is in the confirmation e-mail).
error-already-checked-in = This code has already been checked in.
error-waitlisted = This person is on the waitlist and has no place. Register them as a walk-in if there is room.
error-registration-cancelled = This registration was cancelled.
error-capacity-below-registered = The capacity is below the number already registered.
error-not-publishable = Only resolved suggestions and complaints can be published.
error-transition-detail = The workflow does not allow this change; someone may have changed the status first. Please reload the page.
error-version-not-draft = This version is in review or approved, so it cannot be edited
error-not-in-force = This revision is not the one in force, so it cannot be acknowledged
error-nothing-in-force = This manual has no revision in force to review yet
error-draft-open = A draft is already being revised: finish that one first
error-no-draft = There is no draft to attach a form to
error-details-fixed = The code and titles cannot change once a revision has gone to review: the reviewed and approved revisions carry them. Only the audience can change
error-not-the-author = Only the author of a draft sends it for review
error-own-revision = The author does not review or approve their own revision (separation of duties)
error-already-reviewed = The reviewer of a revision does not also approve it (separation of duties)
error-not-addressed = This manual is not addressed to you
error-version-not-draft-detail = Ask the reviewer to send it back first; then it can be edited and files attached.
error-no-draft-detail = Save a draft first, then attach the form.
error-builtin-questionnaire-detail = Start a new questionnaire from the standard and edit that one instead.
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
field-unknown-field = This field is not part of the request: check its name.
field-wrong-type = This value is of the wrong kind (for example text where a number goes).
field-division-required = This role needs a division.
field-unknown-division = No such division.
field-unknown-choice = Not one of the choices; please pick from the list.
field-invalid-tracking-code = Not a valid tracking code (for example RJ-2570-000123).
field-file-too-large = The file is larger than { $max } MiB.
field-file-type = Only PDF, JPEG, PNG, DOCX and XLSX files are accepted (checked by content, not by name).
field-too-many-files = At most { $max } files.
field-key-reused = This Idempotency-Key was already used for a different submission.
field-merge-target = A submission cannot be merged into itself or into one that is already a duplicate.
field-invalid-date = Not a date (for example 2026-12-31).
field-closes-before-opening = The closing date is before the opening date.
field-not-open = This consultation is not open for comments.
field-not-a-number = Enter a whole number.
field-out-of-range = Enter a number from { $min } to { $max }.
field-unknown-registration = No registration has this code. Please check it again.
field-not-an-image = Only JPEG or PNG images are accepted.

nav-participate = Contact us
nav-track = Track a matter
home-take-part-title = Take part
home-take-part-intro = Ask for a service, suggest, complain, compliment or ask a question, with no account. Every matter gets a tracking code and an answer.
home-participate-link = Send us a request or feedback
home-track-link = Track what you sent

participate-title = Send us a request or feedback
participate-intro = A request for service, a suggestion, a complaint, a compliment or a question. No account needed; you get a tracking code when you send it.
participate-errors = Please correct the following
participate-kind = What is it?
participate-service = Which service is it about?
participate-general = General (no particular service)
participate-group = Which group are you in?
participate-subject = Subject
participate-details = Details
participate-contact = How to reach you (optional)
participate-contact-hint = To be contacted, or to receive your tracking link by e-mail, give at least one way to reach you.
participate-name = Full name
participate-email = E-mail
participate-phone = Phone number
participate-attachments = Attachments (optional)
participate-attachments-hint = Up to 5 files of at most 10 MiB each: PDF, JPEG, PNG, DOCX or XLSX.
participate-honeypot = Leave this field empty
participate-submit = Send
kind-request = Request for service
kind-suggestion = Suggestion
kind-complaint = Complaint
kind-compliment = Compliment
kind-question = Question

privacy-title = Personal data protection
privacy-summary = The Center uses what you give only to handle and answer your matter, under the Personal Data Protection Act B.E. 2562.
privacy-more = Read the full privacy notice
privacy-purpose-label = Purpose and legal basis
privacy-purpose = To consider, act on and answer your matter, on the basis of the public task of a government agency.
privacy-data-label = What is collected
privacy-data = The content of your matter and, if you give them, your name, e-mail and phone. You may stay anonymous.
privacy-retention-label = How long it is kept
privacy-retention = Contact details are kept at most 2 years after the matter is closed, then erased; only anonymous statistics remain.
privacy-recipients-label = Who receives it
privacy-recipients = The Center's staff responsible for your matter; nobody else unless the law requires it.
privacy-controller-label = Data controller
privacy-controller = Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior; phone 0 2282 6581.
privacy-rights-label = Your rights
privacy-rights = To access, obtain a copy of, correct, erase or restrict your data and to object to its processing, and to complain to the Personal Data Protection Committee. The Center answers within 30 days.

track-title = Track a matter
track-intro = Enter the tracking code and the secret token you received when you sent your matter.
track-code = Tracking code
track-token = Secret token
track-submit = Show status
track-link-title = Lost your tracking link?
track-link-intro = Enter the tracking code and the e-mail address you gave when you sent it. A new link goes to that address (the old link stops working).
track-link-submit = E-mail me a new link
track-link-sent = If the code and the e-mail address match a submission, a new link is on its way to that address. Please check your mailbox.
track-not-found = Nothing matches this code and token. Please check both and try again.
track-received-title = We have received your matter
track-received-body = Your tracking code is
track-keep-link = Please save or bookmark the link below: it holds the secret token that shows the progress. Do not share it.
track-status = Status
track-filed = Sent on
track-timeline = Progress
status-received = Received
status-acknowledged = Acknowledged
status-in-progress = In progress
status-waiting-for-submitter = Waiting for more information from you
status-resolved = Resolved
status-closed = Closed
status-rejected = Not accepted
status-duplicate = Duplicate

nav-inbox = Inbox
nav-log-submission = Log a call, letter or visit
channel-web = Website
channel-email = E-mail
channel-telephone = Telephone
channel-letter = Letter
channel-walk-in = Walk-in
channel-social = Social media / LINE
channel-meeting = Meeting
channel-api = Another system (API)
log-title = Log a submission for someone
log-intro = Record what came by telephone, letter, walk-in, meeting, e-mail or social media. It joins the inbox like a web submission.
log-channel = Channel
log-read-notice = Tell the person the gist of this notice before recording their contact details.
log-done = Submission logged
log-give-link = Give the person the tracking code and the link below (the link holds a secret token and is shown only now).
log-open = Open this submission
log-another = Log another
inbox-title = Inbox
inbox-filters = Filters
inbox-show = Show
inbox-show-open = Open matters
inbox-show-overdue = Reply overdue
inbox-show-all = Everything
inbox-any = Any
inbox-assignee = Assigned to
inbox-assigned-me = Me
inbox-assigned-nobody = Nobody yet
inbox-search = Words
inbox-apply = Filter
inbox-empty = Nothing matches these filters.
inbox-reply-due = Reply due
inbox-overdue = Overdue
inbox-due-soon = Due soon
inbox-next-page = Next page
detail-update-due = Next progress update due
detail-public = shown to the submitter
detail-internal = internal note
detail-step = Act on it
detail-new-status = Change the status to
detail-no-change = Keep the status
detail-text = Text (a reason is required to reject or mark as duplicate)
detail-visibility = Who sees the text
detail-public-reply = Reply to the submitter (shown on the tracking page)
detail-assign-to = Assign to

nav-targets = Service targets and holidays
targets-title = Service targets and holidays
targets-intro = How soon each service answers and how often it reports progress. The defaults follow the Royal Decree on Good Governance B.E. 2546 (reply within 15 days, progress every 7 days). A change recomputes the due dates of open matters at once, still excluding time spent waiting for the submitter.
targets-default = defaults
targets-reply-days = Reply within (days)
targets-update-days = Report progress every (days)
targets-count = Count
targets-calendar = calendar days
targets-working = working days (Monday to Friday, less public holidays)
holidays-title = Public holidays
holidays-intro = Used by services whose targets count working days.
holidays-none = No public holidays listed yet.
holidays-day = Date
holidays-name = Name of the holiday
holidays-add = Add holiday
holidays-remove = Remove

## Mail
mail-ack-subject = We received your submission, code { $code }
mail-ack-body =
    The Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior, has received your submission.
    Tracking code: { $code }

    Follow its status and our replies at this link (keep it: it works like a password, do not share it):
    { $link }

    We will reply within the service's target time. If you did not send this, please ignore this e-mail.
mail-link-subject = Tracking link for { $code }
mail-link-body =
    Someone asked for a tracking link for { $code } with this e-mail address. Your new link (the old one no longer works):
    { $link }

    If you did not ask for it, please ignore this e-mail; your submission is safe.

mail-overdue-subject = { $code } passed its reply target
mail-overdue-body =
    Submission { $code } "{ $subject }" is unanswered; its reply target passed on { $due }.
    Please assign it or follow up with whoever holds it:
    { $link }

mail-work-manual-subject = Please read work manual { $code } revision { $revision }
mail-work-manual-body =
    Revision { $revision } of the work manual { $code } "{ $title }" takes effect on { $effective }.
    You are one of the staff it is addressed to: please read it and confirm "I have read and understood":
    { $link }

## Outbox
nav-outbox = Outbox
outbox-title = Outbox
outbox-intro = E-mail the system sends (acknowledgements, for example). A message's text is erased once it is sent, because it carries a secret tracking link. Until SMTP is configured, mail waits here.
outbox-waiting-count = Waiting to be sent
outbox-empty = No mail yet.
outbox-created = Created
outbox-to = To
outbox-subject = Subject
outbox-purpose = Purpose
outbox-state = State
outbox-sent = Sent
outbox-waiting = Waiting
outbox-retrying = Failed, will retry
outbox-given-up = Failed, given up
outbox-attempts = Attempts
outbox-purpose-acknowledgement = Acknowledgement
outbox-purpose-tracking-link = Fresh tracking link
outbox-purpose-escalation = Overdue escalation
outbox-purpose-survey-invitation = Survey invitation
outbox-purpose-registration-confirmation = Registration confirmation
outbox-purpose-waitlist-promotion = Place from the waitlist
outbox-purpose-activity-invitation = Activity invitation
outbox-purpose-work-manual-reading = Work manual to read
outbox-purpose-other = Other
merge-merged-into = This submission was merged into
merge-merged-here = Merged into this one:
merge-title = Merge as a duplicate
merge-into = Merge into the submission with code
merge-reason = Reason (the submitter sees it)
merge-submit = Merge
detail-escalated = Reply target passed; the division director was told on

## Reports
nav-reports = Reports
report-title = Participation report
report-period = Period
report-period-year = Fiscal year { $year } (12 months)
report-period-h1 = Fiscal year { $year }, first half (6 months, Oct–Mar)
report-period-h2 = Fiscal year { $year }, second half (Apr–Sep)
report-show = Show
report-download-xlsx = Download Excel (XLSX)
report-definitions = Counted by the date received (Thai time). Durations in days; the median and 90th percentile are computed as Excel's MEDIAN and PERCENTILE.INC. Compliance is the share of answered submissions answered within the target, not counting time spent waiting for the submitter.
report-summary = Summary
report-total = Total
report-open = Not yet answered
report-compliance = Answered within the target
report-times = Durations (days)
report-median = Median
report-p90 = 90th percentile
report-first-reply-days = To the first reply (days)
report-resolution-days = To resolution (days)
report-month = Month
report-channel = Channel
report-count = Count
report-sheet-summary = Summary
report-sheet-months = By month
report-sheet-services = By service
report-sheet-groups = By stakeholder group
report-sheet-cells = Cross-tabulation

## Consultations
nav-consultations = Consultations
nav-you-said = You said, we did
consult-title = Consultations
consult-intro = The Center asks for your views on draft service standards, manuals and plans. Comments appear after moderation. When a consultation closes, the Center publishes what it changed because of them.
consult-none = No consultations yet.
consult-comments = Comments
consult-back = ← All consultations
consult-status = Status
consult-dates = Open for comments
consult-for = Invited groups
consult-response = What we heard and what changed
consult-draft = The draft
consult-published-comments = Published comments
consult-no-comments = No published comments yet.
consult-anonymous = Anonymous
consult-comment-title = Comment
consult-thanks = Thank you. Your comment will appear once it has been moderated.
consult-comment = Your comment
consult-choose-group = Choose a group
consult-name = Name to show (optional)
consult-organisation = Organisation (optional)
consult-email = E-mail (optional, never shown)
consult-privacy = Your name and organisation, if given, are shown with your comment. Your e-mail is used only to reply to you and is never published. Data is kept under the Center's personal data protection policy.
consult-send = Send comment
consult-phase-upcoming = Not open yet
consult-phase-open = Open for comments
consult-phase-closed = Closed, response in preparation
consult-phase-responded = Response published
consult-field-title = Title
consult-field-subject = Kind of document
consult-field-file = Draft file (optional)
consult-field-opens = Opens on
consult-field-closes = Closes on (inclusive)
consult-new = Open a new consultation
consult-create = Open consultation
consult-pending = Awaiting moderation
consult-no-pending = No comments awaiting moderation.
consult-publish = Publish
consult-reject = Do not publish
consult-public-page = Public page
consult-respond = Publish the response
consult-publish-response = Publish response
consult-respond-later = The response can be published once the consultation closes.
consult-subject-service-standard = Service standard
consult-subject-manual = Manual
consult-subject-plan = Plan
consult-subject-other = Other

## You said, we did
you-said-title = You said, we did
you-said-intro = Suggestions and complaints the Center has acted on, retold by staff without personal data, with what the Center did.
you-said-none = Nothing published yet.
you-said-said = You said
you-said-did = We did
you-said-staff-intro = Choose resolved suggestions and complaints to publish. Write them in your own words, with no names, phone numbers or anything that identifies a person.
you-said-candidates = Can be published
you-said-no-candidates = Nothing waiting to be considered.
you-said-published = Published
you-said-is-published = This submission is on the "You said, we did" page.
you-said-remove = Take it off the page
you-said-hint = Summarise it in your own words without personal data; this text is public.
you-said-publish = Publish

## Activities (milestone 2)
nav-activities = Activities
activities-title = Relationship activities
activities-intro = Meetings, seminars, trainings and events the Center holds with its service users and stakeholders. Register without an account.
activities-subscribe = Add all activities to your calendar (iCalendar)
activities-none = No upcoming activities yet.
activities-back = ← All activities
activity-kind = Kind
activity-when = Date and time
activity-venue = Venue or online link
activity-for = For
activity-services = Services concerned
activity-division = Organized by
activity-registration = Registration
activity-registration-window = Open
activity-places = Places taken
activity-places-left = Places left
activity-add-to-calendar = Add to calendar (.ics)
activity-register-title = Register
activity-full-waitlist = Every place is taken. You can still join the waitlist and will be told by e-mail if a place frees up.
activity-reg-name = Full name
activity-reg-organisation = Organisation (optional)
activity-reg-reach = Give an e-mail address or a phone number, or both, so that we can reach you.
activity-reg-email = E-mail
activity-reg-phone = Phone
activity-reg-privacy = Your details are used only to run this activity and count its participants, under the Personal Data Protection Act B.E. 2562 (2019). You may ask for them to be erased at any time.
activity-register = Register
activity-kind-meeting = Meeting
activity-kind-seminar = Seminar
activity-kind-training = Training
activity-kind-site-visit = Site visit
activity-kind-workshop = Workshop
activity-kind-focus-group = Focus group
activity-kind-public-hearing = Public hearing
activity-kind-relationship-event = Relationship event
activity-status-planned = Planned
activity-status-held = Held
activity-status-cancelled = Cancelled
activity-status-postponed = Postponed
activity-registration-open = Open for registration
activity-registration-full = Full (waitlist open)
activity-registration-not-yet-open = Registration not open yet
activity-registration-closed = Registration closed
activity-registration-not-taking-place = Not open (cancelled, postponed or already held)
place-registered = Registered
place-waitlisted = On the waitlist
place-cancelled = Cancelled
place-walk-in = Walk-in
registration-title = Your registration
registration-done = You are registered. Show this code or QR code at the registration desk.
registration-waitlisted-now = Every place is taken: you are on the waitlist. We will tell you by e-mail when a place frees up.
registration-status = Status
registration-code = Registration code
registration-qr-caption = QR code for checking in
registration-keep-link = Keep this page's link (it is also e-mailed if you gave an address): it shows or cancels your registration. Do not share it.
registration-cancel = Cancel my registration
mail-registration-subject = Registered: { $title } (code { $code })
mail-registration-body =
    You are registered for "{ $title }".
    Status: { $place }
    Registration code: { $code }
    Date and time: { $when }
    Venue: { $venue }

    See your QR code or cancel with this link (do not share it):
    { $link }
mail-promotion-subject = A place is now yours: { $title }
mail-promotion-body =
    Someone cancelled, so you now have a place at "{ $title }" from the waitlist.
    Your registration code is still { $code }. Show it at the registration desk.
activities-fiscal-year = Fiscal year
activities-none-year = No activities in this fiscal year yet.
activity-field-title = Title
activity-field-starts = Starts
activity-field-ends = Ends
activity-field-capacity = Places
activity-field-reg-opens = Registration opens
activity-field-reg-closes = Registration closes
activity-field-status = Status
activity-new = New activity
activity-create = Create the activity
activity-edit = Edit the activity
activity-save = Save
activity-back = ← Back to the activity
activity-back-list = ← All activities
activity-public-page = Public page
activity-set-status = Change status
activity-counts = Participants
activity-attended = Attended
activity-by-group = Registered and attended by stakeholder group
activity-registrations = Registrations
activity-no-registrations = No registrations yet.
activity-contact = Contact
activity-checked-in = Checked in
activity-sign-in-sheet = Sign-in sheet (XLSX)
activity-report-title = Activities report for the year
checkin-open = Check people in
checkin-title = Check-in
checkin-code = Registration code (type or scan)
checkin-submit = Check in
checkin-scan = Scan the QR code with the camera
checkin-ok = Checked in:
checkin-walk-in-ok = Walk-in registered and checked in:
checkin-refused = Not checked in:
checkin-walk-in = Someone who did not register (walk-in)
checkin-walk-in-submit = Register the walk-in and check in
outcome-title = Outcomes
outcome-minutes = Minutes and summary
outcome-minutes-label = Key points, comments and what was agreed
outcome-minutes-save = Save the minutes
outcome-photos = Photos
outcome-photos-label = Add photos (JPEG or PNG, up to 5 at a time, 10 MB each)
outcome-photos-upload = Upload
outcome-follow-ups = Follow-up actions
follow-up-what = What will be done
follow-up-owner = Owner
follow-up-due = Due
follow-up-submission = Related submission (tracking code, if any)
follow-up-open = Open
follow-up-done = done
follow-up-mark-done = Mark done
follow-up-reopen = Reopen
follow-up-add = Add the action
engagement-download = Download XLSX
engagement-held = Held
engagement-planned = Planned, not yet held
engagement-cancelled = Cancelled or postponed
engagement-follow-ups = Follow-up actions
engagement-follow-ups-done = Follow-ups done
engagement-follow-up-completion = Follow-up completion
engagement-by-kind = Activities held by kind
engagement-by-division = Activities held by organizing division
engagement-by-target-group = Activities held by target group
engagement-attendance-by-group = Registered against attended, by group
engagement-registered = Registered
engagement-attended = Attended
engagement-attendance-rate = Attendance rate
engagement-no-division = No division given
sheet-title = Sign-in sheet
sheet-number = No.
sheet-signature = Signature

## Stakeholder directory (milestone 2)
nav-directory = Stakeholder directory
directory-title = Stakeholder directory
directory-lead = The organisations and contacts the Center invites to its activities. Each contact records its lawful basis under the Personal Data Protection Act and the date the data was given.
directory-organisations = organisations
directory-contacts = contacts
directory-export-xlsx = Export XLSX
directory-export-csv = Export CSV
directory-all-groups = All groups
directory-filter = Show
directory-import = Import from Excel or CSV
directory-import-help = One row per contact (or per organisation without a contact). The "Organisation" and "Stakeholder group" columns are required; a file exported from this page is a ready template. Dates may be written as 24/11/2569. If any row is wrong, nothing is imported and every cell to fix is listed. Importing the same file again creates no duplicates.
directory-import-refused = Nothing was imported. Fix these cells in the file and import it again.
directory-import-file = File (.xlsx or .csv)
directory-import-button = Import
directory-imported = Imported: { $organisations_created } new and { $organisations_updated } updated organisations, { $contacts_created } new and { $contacts_updated } updated contacts.
import-row = Row
import-column = Column
import-value = Value found
import-reason = Reason
directory-new-organisation = Add an organisation
directory-add-organisation = Add organisation
directory-add-contact = Add a contact
directory-empty = The directory is empty. Add organisations one by one or import a file.
directory-erase = Erase personal data
directory-erase-confirm = The person asked for erasure
directory-erased = Personal data erased on request
directory-col-organisation = Organisation
directory-col-group = Stakeholder group
directory-col-province = Province
directory-col-org-type = Type of organisation
directory-col-contact-name = Contact name
directory-col-position = Position
directory-col-email = E-mail
directory-col-phone = Phone
directory-col-pdpa-basis = Lawful basis for keeping the data
directory-col-given-on = Date the data was given
pdpa-basis-consent = Consent
pdpa-basis-contract = Contract
pdpa-basis-legal-obligation = Legal obligation
pdpa-basis-public-task = Public task
pdpa-basis-legitimate-interest = Legitimate interest
pdpa-basis-vital-interest = Vital interest
field-too-many-rows = More than { $max } rows: please split the file.
field-differs-from-earlier-row = Differs from row { $row } for the same organisation.
field-self-reference = This step leads to itself
field-step-loop = The usual path comes back to this step and never ends
field-unreachable = No step leads to this one
field-too-few-choices = Needs at least { $min } choices
field-mixed-section = A section of five-point items holds only five-point items: move this item to another section
field-needs-scale-item = The questionnaire needs at least one five-point item to measure satisfaction
field-already-exists = Already exists.
field-invalid-document-code = A document code has only Latin letters, digits and dashes (e.g. WM-INFRA-S01-01)
field-before-today = This date has passed: choose today or a later day
field-nothing-published = This service has no citizen manual in force to start from
field-not-a-decimal = Enter a number, like 81.25.
field-too-many-places = At most { $max } decimal places.
field-not-monotonic = The targets must rise (or fall) from each level to the next.
mail-invitation-subject = You are invited: { $title }
mail-invitation-body =
    Dear { $name } ({ $organisation }),

    The Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior, invites you to "{ $title }".
    Date and time: { $when }
    Venue: { $venue }

    Please register by { $closes } at
    { $link }
invitations-title = Invitations
invitations-lead = Invite directory contacts by e-mail, whole groups or one by one. No one is mailed twice. Contacts without an e-mail address stay on the invitation list to be phoned or sent a letter.
invitations-groups = Invite whole groups
invitations-contacts = Invite individual contacts
invitations-send = Send invitations
invitations-list = Invitation list (printable)
invitations-list-xlsx = Invitation list (XLSX)
invitations-count = { $count } invited
invitations-sent = { $invited } newly invited{ $without_email ->
    [0] {""}
   *[other] {" "}({ $without_email } without e-mail, to reach another way)
}.{ $already ->
    [0] {""}
   *[other] {" "}{ $already } invited before.
}
invitations-empty-directory = The directory has no contacts yet.
invitations-registered = Registered
invitations-invited-at = Invited on
invitations-print = Print
registration-erase = Erase personal data
registration-erased = Erased on request

## Satisfaction surveys (milestone 3)
nav-surveys = Satisfaction surveys
surveys-title = Satisfaction surveys
surveys-lead = Measure both satisfaction and dissatisfaction of service users, per service and stakeholder group.
surveys-none = No surveys yet.
surveys-back = ← All surveys
survey-name = Survey name
survey-window = Open for answers
survey-opens = Opens
survey-closes = Closes
survey-mode = What is kept of respondents
survey-mode-anonymous = Anonymous (nothing that leads back to the respondent)
survey-mode-token = Single-use links (one answer each; who got a link is never tied to an answer)
survey-mode-identified = Identified
survey-band-scheme = How means are read
band-scheme-equal = Equal 0.80 bands (4.21–5.00 very high)
band-scheme-rounded = Bands around the integers (4.51–5.00 very high)
survey-new = New survey
survey-new-help = Uses the standard questionnaire: five dimensions (22 items) with the open questions "what dissatisfied you" and "what should we improve". Give each group's population to judge the sample size by Taro Yamane's formula.
survey-groups-populations = Groups asked, and their populations
survey-population = Population
survey-launch = Launch the survey
survey-lead = Please rate each item as you found it; choose "Not applicable" where it does not concern you. It takes about 5 minutes.
survey-privacy-anonymous = This survey keeps no name, e-mail address or anything that identifies you, and records only the day you answered.
survey-privacy-identified = This survey asks for your name and e-mail address so that we can follow up on what you tell us. They are used only to improve the service.
survey-errors = Some answers are missing or not valid: see the message under each item named.
survey-about-you = About you
survey-service-used = Service used
survey-choose-service = Choose a service
survey-submit = Send my answers
survey-thanks-title = Thank you for answering
survey-thanks-body = Your answers are recorded. The Center uses them to improve its services and reports what it changed.
survey-see-improvements = See what the Center improved from what people said
scale-5 = Very high
scale-4 = High
scale-3 = Moderate
scale-2 = Low
scale-1 = Very low
scale-na = Not applicable
band-very-high = Very high
band-high = High
band-moderate = Moderate
band-low = Low
band-very-low = Very low
survey-public-link = Link for respondents
survey-all = All
survey-from-month = From month
survey-to-month = To month
survey-summary = Summary
survey-responses = Responses
survey-dissatisfied-respondents = Respondents dissatisfied with at least one item (a 1 or 2)
survey-overall-mean = Overall mean
survey-satisfied-pct = Satisfied % (answers 4–5)
survey-mean-pct = Satisfied % (mean ÷ 5 × 100)
survey-dissatisfied-pct = Dissatisfied % (answers 1–2)
survey-pct-explained = Satisfaction is shown two ways: the share of answers 4–5, and the mean divided by 5 times 100. "Not applicable" answers are not counted. The standard deviation is the sample one (n − 1).
survey-sample = Sample adequacy (Taro Yamane, e = 0.05)
survey-required = Required
survey-achieved = Achieved
survey-adequate = Adequate
survey-adequate-yes = Adequate
survey-adequate-no = Not yet
survey-dimensions = By dimension
survey-dimension = Dimension
survey-mean = Mean
survey-band = Level
survey-satisfied-short = Satisfied %
survey-dissatisfied-short = Dissatisfied %
survey-overall = All dimensions
survey-weakest = Items with the most dissatisfaction
survey-items = By item
survey-item = Item
error-gone = No longer available
error-gone-detail = This has closed.
error-survey-closed = The survey has closed
error-survey-closed-detail = This survey no longer takes answers. Thank you for your interest.
error-survey-not-open = The survey is not open yet
error-survey-not-open-detail = This survey does not take answers yet.
error-token-used = This link was already used
error-token-used-detail = Each survey link can be used once, and this one has been.
error-token-unknown = This survey link is not valid
error-token-unknown-detail = This survey is answered through the link you received by e-mail. Please open it from the e-mail again.
survey-paper = Paper responses
survey-paper-title = Paper questionnaire entry sheet
survey-paper-help = Key paper questionnaires into the Excel template, one row each, with scores 1–5 or "Not applicable"; groups and services by name or code. If any row is wrong, nothing is imported and every cell to fix is listed.
survey-paper-template = Download the template (XLSX)
survey-paper-imported = { $count } paper responses imported.

## Improvement loop and service standards (milestone 3)
nav-improvements = Improvement actions
nav-standards = Service standards
improvements-title = Improvement actions
improvements-lead = What the Center will change because of what surveys found: a weak item, a weak dimension or a dissatisfied comment, with an owner, a due date and progress.
improvements-none = No improvement actions yet.
improvement-new = New improvement action
improvement-edit = Edit the improvement action
improvement-what = What will change
improvement-source = Answers
improvement-source-item = Item
improvement-source-dimension = Dimension
improvement-source-comment = Comment
improvement-ref = Item, dimension or response code
improvement-progress = Progress
improvement-public = Public
improvement-effect = Effect measured
improvement-effect-remeasured = Measured again in { $survey }: mean { $before_mean } → { $after_mean } · dissatisfied { $before_dissatisfied } % → { $after_dissatisfied } %
improvement-effect-pending = Not yet measured again · before the change: mean { $before_mean } · dissatisfied { $before_dissatisfied } %
improvement-shown = Shown
improvement-public-text = Text on the "you said, we did" page
improvement-public-hint = Leave empty to keep it internal. The public page shows this text as written.
improvement-save = Save
improvement-from-item = Plan an improvement
improvement-status-planned = Planned
improvement-status-in-progress = In progress
improvement-status-done = Done
you-said-improved = What we improved from surveys
you-said-improved-intro = The Center used what satisfaction and dissatisfaction surveys found to change its services:
standards-title = Service standards
standards-lead = Each service's targets against what the fiscal year measured: satisfaction and dissatisfaction from surveys, replies on time, and time to resolution.
standard-satisfied = Satisfied % (answers 4–5)
standard-dissatisfied = Dissatisfied % (answers 1–2)
standard-reply = Replied on time %
standard-reply-target = Reply target (days)
standard-resolution = Time to resolution (median days)
standard-met = met
standard-not-met = not met
standards-explained = The first figure is what was measured, the one after ≥ or ≤ the target. Without a target or data there is no verdict.
standards-set = Set targets
standard-satisfied-min = Satisfied at least (%)
standard-dissatisfied-max = Dissatisfied at most (%)
standard-resolution-days = Resolved within (days)
survey-links = Mail single-use survey links
survey-links-help = Each person gets a link that answers once. Who received a link is kept apart from the answers and can never be tied to them. Nobody gets a second link to this survey.
survey-links-recipients = Recipients' e-mail addresses (one per line, or separated by commas)
survey-links-send = Send the links
survey-links-refused = No link was sent. Please fix these entries:
survey-links-mailed = Links sent to { $sent } people ({ $skipped } skipped: they already had one).
mail-survey-subject = Please answer our survey: { $title }
mail-survey-body =
    The Information and Communication Technology Center, Office of the Permanent Secretary, Ministry of Interior, asks you to answer "{ $title }". It takes about 5 minutes.

    This link answers once (do not forward it) and is open until { $closes }:
    { $link }

    Your answers are never tied to your name or e-mail address.
error-not-a-token-survey = This survey does not use single-use links
error-not-a-token-survey-detail = Links can be mailed only for surveys set to single-use links.
survey-opens-on = This survey takes answers from { $when }.
survey-closed-on = This survey closed on { $when }. Thank you for your interest.

## Survey comments and terms
survey-comments = What dissatisfied respondents wrote
survey-comments-read = { $count ->
    [0] No dissatisfied respondent has written an open answer yet
   *[other] The words dissatisfied respondents (a 1 or 2 on any item) used most, counted in people, from the latest { $count } of them
}
survey-terms-respondents = { $count } who wrote
survey-comments-latest = Latest comments
survey-comments-low = Scored low on
improvement-from-comment = Plan an improvement from this comment
improvement-from-dimension = Plan an improvement for this dimension

## Survey exports and chart
survey-export = Download the report
survey-export-level = Level
survey-export-level-item = Item
survey-export-level-dimension = Dimension
survey-export-level-overall = Overall
survey-export-code = Code
survey-export-sheet-figures = Figures
survey-export-sheet-groups = Sample
survey-export-chart = Satisfied and dissatisfied per dimension (%)
survey-chart-title = Satisfaction per dimension
survey-chart-desc = Each bar is the share of answers 1–2 (dissatisfied), 3 (neutral) and 4–5 (satisfied) in that dimension. The dimensions table holds the same figures.
survey-chart-dissatisfied = Dissatisfied (1–2)
survey-chart-neutral = Neutral (3)
survey-chart-satisfied = Satisfied (4–5)

## Survey trend
survey-trend = Against the previous survey
survey-trend-against = Same questionnaire, with the service and group of the filter, against
survey-before = before
survey-now = now
survey-change = change (points)
survey-before-after = Improvements planned from the previous survey: before and after

# Printed survey documents
survey-print = Print and share
survey-pdf-download = Summary report (PDF)
survey-pdf-download-thai = Summary report (PDF, Thai digits)
survey-poster = QR poster (A4, PDF)
survey-qr-png = QR code (PNG)
survey-qr-svg = QR code (SVG)
survey-pdf-title = Report on the satisfaction and dissatisfaction of service users
survey-pdf-months = Months in this report
survey-pdf-n = n
survey-pdf-sd = SD
survey-pdf-term = Words dissatisfied respondents used most
survey-pdf-term-respondents = Respondents
survey-pdf-no-comments = No comments from dissatisfied respondents
survey-pdf-no-answers = No answers yet
survey-pdf-alpha-note = Alpha is Cronbach's alpha, over the respondents who scored every item of the dimension 1–5.
survey-pdf-trend-note = Against { $previous } (satisfied % / dissatisfied %)
survey-pdf-issued = Issued on { $when } by ruamjai
poster-survey-heading = Tell us how we served you
poster-survey-heading-second = { "" }
poster-survey-open-until = Open until { $when }
poster-scan = Scan the QR code with your phone camera, or open
poster-qr-alt = QR code of the link
error-token-survey-poster = This survey has no poster
error-token-survey-poster-detail = This survey is answered only through personal links sent by e-mail; a poster would lead others to a page they cannot answer.

# Citizen manuals
unit-minutes = { $n } { $n ->
    [one] minute
   *[other] minutes
}
unit-hours = { $n } { $n ->
    [one] hour
   *[other] hours
}
unit-working-days = { $n } working { $n ->
    [one] day
   *[other] days
}
unit-days = { $n } { $n ->
    [one] day
   *[other] days
}
flowchart-start = Start
flowchart-end = End
flowchart-yes = Yes
flowchart-no = No
flowchart-total = { $total } in total
flowchart-title = Service flowchart: { $service }
flowchart-description = { $steps } steps, { $total } in total
charter-title = Service charter
charter-intro = The Center's 12 services with their standard time, fee and service channels. Choose a service to read its citizen's manual.
charter-search-label = Search the manuals
charter-search-placeholder = e.g. e-mail, network, video conference
charter-search-button = Search
charter-found = { $count ->
    [0] No manual matches your search
    [one] 1 service found
   *[other] { $count } services found
}
charter-not-found = Try other words, or see every service.
charter-show-all = See every service
charter-service-number = Service
charter-standard-time = Standard time
charter-fee = Fee
charter-channel = Where to go
charter-read-manual = Read the citizen's manual
charter-manual-coming = This service's manual is being written; call the number below for help.
manual-kicker = Citizen's manual
manual-revision = Revision
manual-published-on = in force since
manual-all-services = All services
manual-section-unit = Responsible unit
manual-section-legal = Legal basis
manual-section-channels = Service channels
manual-hours = Opening hours
manual-contact = Contact
manual-section-criteria = Criteria, method and conditions
manual-section-steps = Steps, durations and responsible units
manual-total-time = Total time
manual-flowchart-caption = Flowchart of the service
manual-decision = decision
manual-to-step = step { $n }
manual-section-documents = Required documents
manual-no-documents = No documents are required
manual-copies = { $count ->
    [one] 1 copy
   *[other] { $count } copies
}
manual-section-fees = Fees
manual-no-fee = No fee
manual-baht = { $n } baht
manual-section-complaints = Complaints and suggestions
manual-complain-online = Complain or suggest online
manual-section-forms = Forms and examples
manual-section-notes = Notes
manual-pdf-issued = Revision { $revision }, in force since { $date }
manual-pdf-source = The current manual is at { $url }
manual-step-number = No.
manual-step = Step
manual-step-duration = Time
manual-step-unit-all = Every step: { $unit }
manual-step-unit = Responsible
manual-download-pdf = Download the manual (PDF)
manual-download-poster = QR code poster (PDF)
poster-manual-heading = Service manual
poster-manual-heading-second = คู่มือสำหรับประชาชน
nav-manuals = Service manuals
manuals-title = Service manuals
manuals-lead = Write and update each service's manual, send it for review, approve it, and publish it with evidence of the announcement
manuals-in-force = In force
manuals-in-progress = In progress
manuals-public-page = public page
manuals-none-yet = No manual yet
manuals-edit-title = Edit manual
manuals-review-comment = Reviewer's comment
manuals-no-open-version = No draft yet: saving starts a new revision from the latest one
manuals-errors = Not saved yet: please correct the following
manuals-steps-hint = Enter the steps in order; the flowchart follows what you type. Blank rows are not saved
manuals-change-summary = What changed
manuals-save-draft = Save draft
manuals-review-heading = Review and publication
manuals-submit = Submit for review
manuals-approve = Approve
manuals-return = Return for changes
manuals-publish-at-hint = Leave empty to publish now, or choose a future date for it to take effect
manuals-announcement-date = Announced on
manuals-announcement-channels = Announced through
manuals-evidence-hint = E.g. the scanned circular letter or a photo of the notice board (PDF, JPEG, PNG)
manuals-publish = Publish
manuals-nothing-to-do = Nothing awaits you here now
manuals-history = Revisions
manuals-people = Author / approver
manuals-approved-by = approved by
manual-announcement = Announcement
manual-publish-at = Takes effect on
manual-evidence = Evidence of the announcement
manual-row = { $section } row { $n }
manual-field-place = Place
manual-field-title = Title
manual-field-description = Details
manual-field-unit = Unit
manual-field-kind = Kind
manual-kind-task = Task
manual-field-then = Next step
manual-next-step = The following step
manual-field-document = Document
manual-field-copies = Copies
manual-field-note = Note
manual-field-fee-item = Item
manual-field-baht = Amount (baht)
manual-field-url = Link or file
manual-form-attach = Attach a new form
manual-form-file = Form file
manual-form-file-hint = PDF, Word, Excel or an image (JPEG, PNG), at most 10 MB. The file is attached when you save the draft, and the public can download it once this version is published.
manual-form-open = Open the file
standing-draft = Draft
standing-in-review = In review
standing-approved = Approved, awaiting publication
standing-published = Published
standing-scheduled = Scheduled
standing-current = In force
standing-superseded = Superseded
announce-website = Website
announce-notice-board = Notice board at the service point
announce-official-letter = Official letter
announce-social-media = Social media
announce-meeting = Meeting
unit-name-minutes = minutes
unit-name-hours = hours
unit-name-working-days = working days
unit-name-days = days
contact-title = How to contact us
contact-lead = Choose what you need and go to the channel that handles it
contact-what-do-you-need = What do you need?
contact-route-service = A service
contact-route-service-go = choose the service and its division below
contact-route-complaint = A complaint, a suggestion or a question
contact-route-track = Follow up on what you filed
contact-route-consult = Give your opinion
contact-route-activity = Join a meeting, training or visit
contact-services = The 12 services and the divisions that provide them
contact-hours = Office hours Monday to Friday 08.30–16.30 (except public holidays); file online at any time
manuals-version-notice = Revision { $revision }, { $standing } (staff view)
questionnaires-title = Questionnaires
questionnaires-lead = The questionnaires that satisfaction surveys ask. A version nobody has answered is corrected in place. An answered version is kept, and the next save becomes a new version, so old answers always read with their own questions.
questionnaires-link = Manage questionnaires
questionnaires-own = The Center's questionnaires
questionnaires-own-none = No questionnaire of the Center's own yet: start one from the standard below.
questionnaire-standard = The standard questionnaire
questionnaire-standard-help = Five dimensions of 22 five-point items, the 0–10 recommendation and two open questions. It cannot be changed, but a new questionnaire can start from it.
questionnaire-standard-note = The standard questionnaire cannot be changed: start a new questionnaire from it to adjust the questions.
questionnaire-view = See the questions
questionnaire-name = Questionnaire name
questionnaire-version = Version
questionnaire-status = Status
questionnaire-locked = Answered: the next save is a new version
questionnaire-open = Not answered yet: editable
questionnaire-surveys = Surveys asking this version
questionnaire-new = New questionnaire
questionnaire-from = Start from
questionnaire-copy-of = A copy of
questionnaire-create = Create and edit the questions
questionnaire-edit-title = Edit questionnaire
questionnaire-locked-note = Version { $version } has answers: saving makes version { $next }, and surveys on the old version keep their questions.
questionnaire-open-note = Version { $version } has no answers yet: saving changes this version.
questionnaire-saved = Version { $version } saved.
questionnaire-saved-new = Saved as version { $version }: the previous version had answers, so it is kept as it was.
questionnaire-section-help = A section of five-point items only is a dimension of the report (mean, satisfied and dissatisfied shares, alpha). Put other kinds of items in sections of their own. Add an item or a section in the blank rows at the end; change the order with the "Order" boxes.
questionnaire-section = Section
questionnaire-new-section = New section (optional)
questionnaire-section-title-th = Section title (Thai)
questionnaire-section-title-en = Section title (English, optional)
questionnaire-item = Item
questionnaire-new-item = New item (optional)
questionnaire-item-text-th = Question (Thai)
questionnaire-item-text-en = Question (English, optional)
questionnaire-item-kind = Answer type
questionnaire-kind-scale = Five-point (with "not applicable")
questionnaire-kind-single-choice = One choice
questionnaire-kind-multiple-choice = Several choices
questionnaire-kind-short-text = Short text
questionnaire-kind-long-text = Long text
questionnaire-kind-recommendation = Recommendation 0–10
questionnaire-item-order = Order
questionnaire-item-options = Choices (for choice items, one per line, e.g. "อีเมล | E-mail")
questionnaire-item-required = Required
questionnaire-item-remove = Remove this item
questionnaire-save = Save the questionnaire
survey-questionnaire = Questionnaire
survey-auto-invite = Invite automatically when a request is resolved
survey-auto-invite-help = When a request for a service this survey covers is resolved, the given share of the people who made them is drawn at random and mailed a single-use link after the given number of hours. The link works for the given number of days, and never after the survey closes. Each person gets one link, and no answer is tied to whoever received it. A share of 0 invites nobody.
survey-auto-invite-saved = Automatic invitations saved.
survey-auto-invite-save = Save automatic invitations
survey-invite-rate = Share invited (0–100 %)
survey-invite-delay = Sent after resolution (hours)
survey-invite-expiry = Link valid for (days)
error-token-expired = This survey link has expired
error-token-expired-detail = This single-use link is past its date. If you still want to give your views, please contact the ICT Center.
survey-col-response = Response no.
survey-col-received = Answered on
survey-col-source = Channel
survey-col-name = Respondent's name
survey-col-email = Respondent's e-mail
survey-source-web = Online
survey-source-paper = Paper questionnaire
survey-responses-xlsx = All responses (XLSX)

# The confirmation after a write (kit::flash)
flash-saved = Saved.
flash-created = Created.
flash-sent = Sent.

## Work manuals (milestone 5)
nav-work-manuals = Work manuals
wm-title = Work manuals
wm-lead = Work manuals of the staff who deliver the services (milestone 5): written by the owning division, reviewed by its director, approved by the Center's director and acknowledged by the staff who do the work
wm-division = Division
wm-all-divisions = All divisions
wm-filter = Show
wm-none = No work manuals yet
wm-code = Document code
wm-manual = Manual
wm-in-force = In force
wm-in-progress = In progress
wm-review-due = Review due
wm-overdue = Overdue
wm-revision = Revision
wm-not-yet = None yet
wm-new = Start a work manual
wm-service = Service
wm-title-th = Title (Thai)
wm-title-en = Title (English, optional)
wm-audience = Who must read it
wm-audience-hint = Choose roles, divisions or both (e.g. the officers of the infrastructure division)
wm-from-citizen = Start from the steps of the published citizen manual
wm-start = Start
wm-center-wide = Center-wide
wm-please-read = Please read this manual
wm-please-read-lead = You are one of the staff this manual is addressed to:
wm-changes-since-read = See what changed since the revision you read
wm-acknowledge = I have read and understood
wm-procedure-time = Procedure time
wm-promised-time = against the time promised to the public
wm-exceeds-promise = The staff procedure takes longer than the citizen manual promises: align the procedure or the citizen manual
wm-citizen-revised = The citizen manual of this service was revised after this manual's revision in force: review it for consistency
wm-returned = Sent back
wm-edit-draft = Edit the draft
wm-read-draft = Read the revision under review
wm-new-revision = Start a new revision
wm-comment = Why it goes back
wm-effective-date = Effective date
wm-revisions = Revision history
wm-stage = Stage
wm-author = Author
wm-reviewer = Reviewer
wm-approver = Approver
wm-change = Change
wm-acknowledged = Acknowledged
wm-compare-last = Compare the two latest revisions
wm-readers = Acknowledgements of the revision in force, by division
wm-not-read-yet = Not yet acknowledged
wm-reviews = Periodic reviews
wm-no-reviews = No reviews yet
wm-review-now = Record a review
wm-outcome-no-change = Reviewed, no change
wm-outcome-revise = Revise (opens a draft)
wm-note = Note
wm-record-review = Record
wm-term = Term
wm-meaning = Meaning
wm-role = Role or position
wm-duties = Duties
wm-steps-hint = Each step leads to the next one, except a decision: give a step number or end for yes and no
wm-step = Step
wm-field-title = Title
wm-field-kind = Kind
wm-field-detail = Detail
wm-field-responsible = Responsible
wm-field-duration = Duration
wm-field-standard = Quality standard / control point
wm-field-forms = Related forms
wm-field-next = Next step
wm-unit = Unit
wm-decision-yes = If yes, go to step
wm-decision-no = If no, go to step
wm-change-major = Major revision (numbered up; staff acknowledge again)
wm-change-minor = Minor correction (keeps acknowledgements)
wm-change-reason = Why the change is minor
wm-change-summary = Summary of changes
wm-requires-reading = Staff must read this revision
wm-save-draft = Save the draft
wm-diff-title = Revisions compared
wm-diff-legend = Added words are underlined and marked [added]; removed words are struck through and marked [removed]
wm-added = added
wm-removed = removed
wm-steps-unchanged = The steps are unchanged
wm-no-differences = The two revisions are the same
wm-stage-draft = Draft
wm-stage-in-review = In review
wm-stage-reviewed = Reviewed, awaiting approval
wm-stage-scheduled = Approved, not yet in force
wm-stage-effective = In force
wm-stage-superseded = Superseded
wm-action-submit = Send for review
wm-action-review = Reviewed: send for approval
wm-action-return = Send back
wm-action-approve = Approve
wm-kind-start = Start
wm-kind-process = Process
wm-kind-decision = Decision
wm-kind-document = Document
wm-kind-end = End
wm-section-objective = Objective
wm-section-scope = Scope
wm-section-definitions = Definitions
wm-section-responsibilities = Responsibilities
wm-section-steps = Procedure
wm-section-standards = Work standards
wm-section-monitoring = Monitoring and evaluation
wm-section-references = References
wm-details = Manual details
wm-save-details = Save the details
wm-section-forms = Forms used
wm-form-address = Address of the file or online form
wm-form-file-hint = PDF, Word, Excel or an image (JPEG, PNG), at most 10 MB. The file is attached when you save the draft; the public can download it once the manual is public and this revision is in force.
wm-step-added = added
wm-step-removed = removed
wm-step-changed = changed
wm-pdf-header = { $code } · revision { $revision }
wm-pdf-hash = SHA-256 of the content: { $hash }
wm-pdf-obsolete = OBSOLETE
wm-pdf-draft = DRAFT
wm-pdf-approval = Approval
wm-pdf-sign = Signed
wm-pdf-date = Date
wm-pdf-contents = Contents
wm-pdf-history-number = No.
wm-pdf-number = No.
wm-pdf-chart = Flowchart
wm-pdf-total = Total time { $total }
wm-pdf-goes-to = go to step { $n }
wm-pdf-legend-terminator = Start or end
wm-pdf-legend-process = Work step
wm-pdf-legend-decision = Decision
wm-pdf-legend-document = Document
wm-pdf-print = Print (PDF)
wm-read-in-force = Read the revision in force
wm-public = Publication to the public
wm-public-yes = This manual is public (its revision in force is on the website).
wm-public-no = This manual is internal; it is not published.
wm-public-page = See the public page
wm-make-public = Publish to the public
wm-make-internal = Stop publishing
wm-made-public = The manual is published.
wm-made-internal = The manual is no longer published.
wm-public-title = Staff work manuals
wm-public-lead = The manuals the Center's staff work by, service by service, published for transparency: the revision in force today.
wm-public-none = No work manual is published yet.
wm-public-of-service = Staff work manuals of this service
wm-search = Search the manuals
wm-search-none = No manual holds the words searched for.
wm-all = All manuals
wm-files = Files
wm-pdf-word = Word file (DOCX)
dashboard-to-read = Work manuals you are asked to read
dashboard-reviews-overdue = Work manuals past their yearly review

## The KPI engine: what a step still lacks.
kpi-gap-few-channels = Submissions came in through { $used } { $used ->
    [one] channel
   *[other] channels
  }; { $needed } are needed.
kpi-gap-nothing-answered = No submission of the year has been answered yet.
kpi-gap-few-answered-in-time = { $pct } % got their reply within the service's target; { $needed } % is needed.
kpi-gap-few-activities = { $counted } { $counted ->
    [one] activity counts
   *[other] activities count
  } (held, with attendance and minutes); { $needed } needed.
kpi-gap-without-attendance = No attendance recorded yet: { $activities }.
kpi-gap-without-minutes = Minutes not written yet: { $activities }.
kpi-gap-few-groups = Attendees came from { $reached } stakeholder groups; { $needed } are needed. Not reached: { $groups }.
kpi-gap-no-survey = No survey of the year has responses yet.
kpi-gap-sample-short = { $survey }: { $achieved } responses from the groups of known size, of the { $required } Taro Yamane asks for (95 %, ±5 %).
kpi-gap-population-unknown = { $survey }: no group's population is known, so its sample cannot be judged.
kpi-gap-few-actions = { $survey }: { $opened } improvement actions opened from its findings; { $needed } needed.
kpi-gap-no-standard = No service standard set for the year: { $count ->
    [one] service
   *[other] services
  } { $services }.
kpi-gap-no-citizen-manual = No citizen manual in force: { $count ->
    [one] service
   *[other] services
  } { $services }.
kpi-gap-not-announced = Citizen manual in force but its announcement not recorded: { $count ->
    [one] service
   *[other] services
  } { $services }.
kpi-gap-no-work-manual = No work manual in force: { $count ->
    [one] service
   *[other] services
  } { $services }.
kpi-gap-not-renewed = Work manual neither revised nor reviewed this fiscal year: { $count ->
    [one] service
   *[other] services
  } { $services }.
kpi-gap-few-acknowledged = { $manual }: { $acknowledged } of { $readers } readers have acknowledged the revision in force; { $needed } % is needed.
kpi-gap-awaits-sign-off = Waits for the director's sign-off.

## The KPI engine: pages.
nav-kpi = Indicators (KPI)
kpi-scorecard-title = Scorecard
kpi-composite = Composite score
kpi-of = of
kpi-as-of = as of
kpi-as-of-day = Facts up to the end of
kpi-show = Show
kpi-weights-warning = The weights of this year's indicators do not add up to 100 %: they add up to
kpi-indicator = Indicator
kpi-weight = Weight
kpi-result = Result
kpi-score = Score
kpi-weighted = Weighted score
kpi-level = Level
kpi-scorecard-explained = The composite is Σ weight × score ⁄ Σ weight. A milestone indicator scores the highest level whose steps are all met, in order; a range indicator scores its value between its targets.
kpi-self = The Center's assessment
kpi-committee = Evaluating committee
kpi-committee-composite = The committee's composite
kpi-committee-pending = The committee has assessed { $assessed } of { $indicators } indicators
kpi-committee-round = { $round }-month round
kpi-committee-heading = The evaluating committee's assessment
kpi-committee-none = The committee has not scored this indicator yet
kpi-committee-by = Scored by
kpi-committee-assess = Score it (evaluating committee)
kpi-committee-score = Score (0 to { $top })
kpi-committee-note = The committee's remarks
kpi-committee-save = Save the score
kpi-committee-score-column = Score (committee)
kpi-committee-weighted-column = Weighted score (committee)
kpi-committee-round-column = Round the committee assessed (months)
kpi-evidence-files = Evidence files
kpi-evidence-files-hint = Up to { $max } files (PDF, JPEG, PNG, Word or Excel, 10 MiB each)
kpi-value-heading = The value the data collectors entered
kpi-value-enter = Enter the round's value (data collectors)
kpi-value = Measured value
kpi-value-note = Note
kpi-value-save = Save the value
kpi-define-title = Definition of indicator
kpi-define-new = Add an indicator
kpi-define-new-range = range
kpi-define-new-milestone = milestone
kpi-define-edit = Edit the definition (administrators)
kpi-define-code = Indicator code (such as 4 or 2.1)
kpi-define-name-th = Name (Thai)
kpi-define-name-en = Name (English)
kpi-define-description-th = Description (Thai)
kpi-define-description-en = Description (English)
kpi-define-weight = Weight (%)
kpi-define-steps = Criteria of each level
kpi-define-step-rule = Judged from the live facts: { $rule }
kpi-define-step-manual = Signed off by the director, with evidence
kpi-define-criterion-th = Criterion (Thai)
kpi-define-criterion-en = Criterion (English)
kpi-define-settings = Thresholds of the rules (leave empty for the default)
kpi-define-default = default { $value }
kpi-define-targets = Target of each level
kpi-define-direction = Direction
kpi-define-rising = Higher is better
kpi-define-falling = Lower is better
kpi-define-measured = Where the value comes from
kpi-define-unit = Unit
kpi-define-short-of-first = Score of a value short of the level-1 target
kpi-define-position-th = Position (Thai)
kpi-define-position-en = Position (English)
kpi-define-phone = Phone
kpi-define-collectors-hint = One position per line: Thai position | English position | phone
kpi-define-source = Source of data
kpi-define-thai-digits = Print figures in Thai digits
kpi-define-save = Save the definition
kpi-define-copy = Copy every indicator to fiscal year { $next }
kpi-measured-entered = Entered by the data collectors each round
kpi-measured-answered_in_time_pct = Share of matters answered within target (computed)
kpi-measured-satisfied_pct = Share of answers of 4 or 5 (computed)
kpi-rule-channels = participation channels and replies in time
kpi-rule-relationships = relationship-building activities
kpi-rule-satisfaction = satisfaction and dissatisfaction surveys
kpi-rule-citizen_manuals = citizen manuals
kpi-rule-work_manuals = work manuals
kpi-setting-s1_min_channels = Fewest channels (step 1)
kpi-setting-s1_min_answered_pct = Least share first answered within target, % (step 1)
kpi-setting-s2_min_activities = Fewest activities (step 2)
kpi-setting-s2_min_groups = Fewest stakeholder groups reached (step 2)
kpi-setting-s3_min_actions = Fewest improvement actions (step 3)
kpi-setting-s5_min_acknowledged_pct = Least share of readers who acknowledged, % (step 5)
kpi-definition = Definition, supervisor and data collectors
kpi-supervisor = Supervisor
kpi-collectors = Data collectors
kpi-steps = Steps
kpi-step = Step
kpi-met = Met
kpi-not-met = Not met
kpi-overrides-rule = Against the rule:
kpi-signed-off = Signed off by
kpi-evidence = Evidence
kpi-sign-off = Sign off this step (director)
kpi-sign-off-verdict = The step is
kpi-sign-off-reason = Reason (shown wherever this step is)
kpi-sign-off-save = Sign off
kpi-by-month = Level month by month
kpi-home-title = Indicator { $code }: level { $level } of { $steps }
kpi-home-blocked = What stands before level { $next }:
kpi-home-all-met = Every step is met.
kpi-home-open = Open the indicator
kpi-evidence-participation-report = Participation report, fiscal year
kpi-evidence-standards = Service standards, fiscal year
kpi-evidence-improvements = Improvement actions from the surveys, and their measured effect
kpi-evidence-citizen-manual = Citizen manual in force
kpi-fact-submissions = Submissions
kpi-fact-channels-used = Channels used
kpi-fact-channels = Channels
kpi-fact-answered = Answered
kpi-fact-answered-in-time = Answered within target
kpi-fact-answered-in-time-pct = Share answered within target
kpi-fact-activities-held = Activities held
kpi-fact-activities-counted = Activities with attendance and minutes
kpi-fact-attended = Attendees
kpi-fact-groups-reached = Stakeholder groups reached
kpi-fact-groups = Groups
kpi-fact-surveys = Surveys of the year
kpi-fact-services-with-standard = Services with a standard
kpi-fact-services = Services
kpi-fact-sample-achieved = Responses from groups of known size
kpi-fact-sample-required = Sample Taro Yamane asks for
kpi-fact-groups-short-of-sample = Groups short of their own sample
kpi-fact-responses = Responses
kpi-fact-dissatisfied-pct = Dissatisfied respondents
kpi-fact-items-below-standard = Items below the standard
kpi-fact-actions-opened = Improvement actions opened
kpi-fact-manuals-in-force = Citizen manuals in force
kpi-fact-manuals-announced = Announced
kpi-fact-services-covered = Services with a renewed, read work manual
kpi-fact-manuals-renewed = Work manuals renewed this year
kpi-fact-acknowledged-pct = Readers who acknowledged
kpi-name = Name
kpi-criterion = Criterion
kpi-judged-by = Judged by
kpi-by-rule = The rule over the live facts
kpi-missing = What is missing
kpi-download-xlsx = Download the scorecard (Excel)

# What needs me (the staff home)
needs-heading = What needs you
needs-none = Nothing waits for you now.
needs-overdue = { $overdue } matters past their reply target{ $escalated ->
    [0] {""}
   *[other] , { $escalated } of them escalated
}
needs-open = { $count } matters open
needs-assigned = { $count } open matters assigned to you
needs-comments = { $count } consultation comments waiting for moderation
needs-citizen-manuals = { $count } citizen manual versions waiting for approval
needs-work-manuals-review = { $count } work manual revisions waiting for your review
needs-work-manuals-approve = { $count } work manual revisions waiting for approval
needs-follow-ups = { $count } activity follow-ups due within a week
needs-readers = { $code }: { $acknowledged } of { $readers } readers have acknowledged
needs-sample = { $survey } — { $group }: { $achieved } of the { $required } answers its sample needs
needs-standard = { $service }: { $satisfied } % satisfied against the standard's { $min } %
needs-activity = { $title }, { $when }

# Self-assessment report (SAR)
sar-title = Self-assessment report
sar-subtitle = { $round }-month round, fiscal year { $year }
sar-period = Reporting period
sar-topic = Topic
sar-detail = Detail
sar-description = Definition
sar-source = Source of data
sar-level-of = Level { $level } of { $steps }
sar-not-measured = No value measured yet
sar-criteria = Criteria and what each step came to
sar-criterion = Criterion
sar-outcome = Outcome
sar-narrative = Performance and the data collectors' explanation
sar-performance = Performance
sar-explanation = Explanation and measures taken
sar-factors = Supporting factors
sar-obstacles = Obstacles
sar-not-written = (not written yet)
sar-evidence = Evidence
sar-number = No.
sar-no-evidence = No evidence gathered by the system yet
sar-note-rounds = Reporting rounds close on 31 March (6 months), 30 June (9 months) and 30 September (12 months); figures are computed from the system's data up to the end of that day.
sar-download = Download the self-assessment report (PDF)
sar-round = { $round }-month round
sar-write = Write the round's performance (data collectors)
sar-write-round = Reporting round
sar-save = Save
sar-written-by = Last written by

## Evidence packs
pack-description = Evidence for the indicator assessment, fiscal year { $year }, { $round }-month round
pack-personal-data = This pack holds no names, contacts or free text of the members of the public who filed submissions or answered surveys (left out or masked); officials' names on sign-in sheets and approvals stay
pack-activity-title = Activity record
pack-activity-counts = { $registered } registered · { $walk_ins } walk-ins · { $attended } attended
pack-activity-note = Members of the public invited or attending are shown by organisation and stakeholder group only, without names or contacts.
pack-yes = Yes
pack-no = No
pack-none = None
pack-group = Stakeholder group
pack-organisation = Organisation
pack-file = File
pack-year = Fiscal year { $year }
pack-measure = Standard
pack-measured = Measured
pack-target = Target
pack-service = Service
pack-improvements-title = Service improvement actions and their effect measured again
pack-acknowledgements-title = Acknowledgements of the work manual
pack-name = Name
pack-revision = Revision
pack-when = When
pack-not-yet-read = Not yet acknowledged the revision in force
pack-index-title = Evidence pack for the indicator assessment
pack-index-lead = This page lists every file of the pack by the indicator's steps. The pack is a BagIt bag (RFC 8493): any BagIt tool, or the command ruamjai evidence verify, checks it without reaching the Center's server.
pack-index-as-of = Facts as of { $day }
pack-index-main = Self-assessment report and evaluation
pack-index-audit = Audit log of the period
pack-index-step = Step { $number }
pack-index-values = Indicator { $code }: files of the values reported
pack-index-met = met
pack-index-not-met = not met yet
pack-audit-readme = audit.jsonl holds every change of the period, one entry per line in order. Each entry's hash is the SHA-256 of prev_hash, seq, at_ms, actor, action, entity, entity_id, before and after, in that order, each preceded by its length in bytes as a 64-bit big-endian integer. The first entry's prev_hash is after_hash in head.json, and the last entry's hash must equal head_hash.
pack-state-queued = Queued
pack-state-running = Being made
pack-state-done = Done
pack-state-failed = Failed
rounds-title = Handing in the rounds
rounds-lead = Make each round's evidence pack, one ZIP (BagIt) that evaluators check themselves without trusting the Center's server. The Center director seals a round to freeze its result, and the committee writes remarks step by step.
rounds-working = An evidence pack is being made. This page shows its progress by itself; you may close it and the work goes on.
rounds-packs = Evidence packs
rounds-progress = Progress of the evidence pack
rounds-download = Download the ZIP
rounds-requested-by = Requested by
rounds-make-pack = Make this round's evidence pack
seal-current = The sealed result
seal-superseded = An earlier seal (sealed again since)
seal-by = Sealed by
seal-reason = Reason for sealing again
seal-manifest = SHA-256 of the pack's manifest
seal-audit = Audit log entry and hash at packing
seal-changed = The facts changed after sealing. Steps whose result differs from the sealed one:
seal-now = now
seal-comment = Remark or answer
seal-comment-send = Send
seal-round = Seal this round
seal-hint = Freezes the evaluation, the hash of the newest finished pack and the audit head in the audit log. A sealed result does not change when the facts change later.
seal-round-save = Seal
kpi-rounds-link = Hand in the evidence, seal rounds, the committee's remarks
error-pack-first = Make this round's evidence pack first, then seal it
error-pack-not-done = This evidence pack is not finished yet
error-pack-file-gone = The file of this evidence pack is no longer on the server; make it again
