// Administration and reports (issue 17, item 4) as one entry for app.js: units, the work calendar and officer
// accounts (unit_admin), the procedure catalogue (tthc_controller), the reception report and the tracking register.
import * as calendar from './admin-calendar.js';
import * as units from './admin-units.js';
import * as users from './admin-users.js';
import * as catalogue from './catalogue-admin.js';
import * as reports from './reports.js';

export function register() {
  for (const view of [units, calendar, users, catalogue, reports]) {
    view.register();
  }
}
