/**
 * Activities (A1): the calls, meetings, visits, letters, presentations, negotiations and event
 * invitations of the department with a company and its people — planned in a time zone, done
 * with an outcome (late when started after the planned time) and a next step that plans the next
 * activity, or cancelled. Visible exactly when their company is. Shown on the company page, in
 * the company's timeline and in the agenda «Мои дела».
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities",
        allowedDependencies = {"clients", "identity", "audit", "platform", "shared"})
package org.clientela.activities;
