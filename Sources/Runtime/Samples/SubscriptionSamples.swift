/// SaaS plans in the `subscription_plans` shape: per-seat and flat plans, monthly and annual cycles, anchors on the
/// 29th–31st (a leap day among them), NULL seats on flat plans, a plan that ends and one that starts inside the
/// sampled range. Dates are placed relative to the range, so every plan has a cycle to amortise.
enum SubscriptionSamples {
    static let columns = [
        "subscription_id", "provider", "plan_name", "pricing_model", "unit_price", "seats", "currency", "billing_anchor",
        "billing_cycle_months", "start_date", "end_date", "x_hierarchy_entity_id",
    ]

    /// The most recent date before `date` whose day of month is `day` (a month with that day).
    static func lastDay(_ day: Int, before date: CivilDate, monthsBack: Int) -> CivilDate {
        var candidate = date.monthStart.adding(months: -monthsBack)
        while CivilDate.daysIn(year: candidate.year, month: candidate.month) < day {
            candidate = candidate.adding(months: -1)
        }
        return CivilDate(year: candidate.year, month: candidate.month, day: day)
    }

    /// The most recent February 29th before `date`.
    static func leapDay(before date: CivilDate) -> CivilDate {
        var year = date.month > 2 ? date.year : date.year - 1
        while !CivilDate.isLeap(year) { year -= 1 }
        return CivilDate(year: year, month: 2, day: 29)
    }

    static func csv(org: SampleOrg, from: CivilDate, to: CivilDate) -> [UInt8] {
        var random = org.stream("subscriptions", from.description, to.description)
        var writer = CSVWriter(columns: columns)
        let span = to.dayNumber - from.dayNumber
        func seats(_ base: Double) -> SampleValue { .int(SampleFormat.whole(base * org.scale * random.noise(0.15))) }

        struct Plan {
            var id: String
            var provider: String
            var name: String
            var model: String
            var price: Double
            var seats: SampleValue
            var anchor: CivilDate
            var months: Int
            var start: CivilDate
            var end: CivilDate?
            var entity: String?
        }
        let slackAnchor = lastDay(31, before: from, monthsBack: 10)
        let githubAnchor = lastDay(30, before: from, monthsBack: 7)
        let figmaAnchor = leapDay(before: from)
        let claudeAnchor = lastDay(31, before: from, monthsBack: 5)
        let canvaAnchor = lastDay(30, before: from, monthsBack: 3)
        let chatgptAnchor = from.adding(days: -45)
        let onePasswordAnchor = lastDay(29, before: from, monthsBack: 14)
        let zoomStart = from.adding(days: -200)
        let cursorStart = from.adding(days: span * 2 / 3)
        let plans = [
            Plan(
                id: "sub_slack_business_plus", provider: "Slack", name: "Slack Business+", model: "PER_SEAT", price: 15,
                seats: seats(180), anchor: slackAnchor, months: 1, start: slackAnchor, end: nil, entity: "DEPT-FIN"),
            Plan(
                id: "sub_github_enterprise", provider: "GitHub", name: "GitHub Enterprise", model: "PER_SEAT", price: 21,
                seats: seats(95), anchor: githubAnchor, months: 1, start: githubAnchor, end: nil, entity: "DEPT-ENG"),
            Plan(
                id: "sub_figma_organization", provider: "Figma", name: "Figma Organization", model: "PER_SEAT", price: 540,
                seats: seats(14), anchor: figmaAnchor, months: 12, start: figmaAnchor, end: nil, entity: "PROJ-PRODUCT"),
            Plan(
                id: "sub_chatgpt_team", provider: "OpenAI", name: "ChatGPT Team", model: "PER_SEAT", price: 30,
                seats: seats(40), anchor: chatgptAnchor, months: 1, start: chatgptAnchor, end: nil, entity: "DEPT-GTM"),
            Plan(
                id: "sub_claude_team", provider: "Anthropic", name: "Claude Team (annual)", model: "PER_SEAT", price: 300,
                seats: seats(25), anchor: claudeAnchor, months: 12, start: claudeAnchor, end: nil, entity: "DEPT-ENG"),
            Plan(
                id: "sub_canva_teams", provider: "Canva", name: "Canva Teams", model: "FLAT", price: 1200, seats: .null,
                anchor: canvaAnchor, months: 12, start: canvaAnchor, end: nil, entity: "PROJ-MARKETING"),
            Plan(
                id: "sub_1password_business", provider: "1Password", name: "1Password Business", model: "PER_SEAT",
                price: 7.99, seats: seats(220), anchor: onePasswordAnchor, months: 1, start: onePasswordAnchor, end: nil,
                entity: nil),
            Plan(
                id: "sub_zoom_business", provider: "Zoom", name: "Zoom Business", model: "FLAT", price: 249.9, seats: .null,
                anchor: zoomStart, months: 1, start: zoomStart, end: from.adding(days: span / 2), entity: nil),
            Plan(
                id: "sub_cursor_business", provider: "Cursor", name: "Cursor Business", model: "PER_SEAT", price: 40,
                seats: seats(30), anchor: cursorStart, months: 1, start: cursorStart, end: nil, entity: "TEAM-INFRA"),
        ]
        for plan in plans {
            writer.append([
                .text(plan.id), .text(plan.provider), .text(plan.name), .text(plan.model),
                .raw(SampleFormat.fixed(plan.price, places: 2)), plan.seats, .text("USD"), .raw(plan.anchor.description),
                .int(plan.months), .raw(plan.start.description), plan.end.map { .raw($0.description) } ?? .null,
                .optionalText(plan.entity),
            ])
        }
        return writer.bytes
    }
}
