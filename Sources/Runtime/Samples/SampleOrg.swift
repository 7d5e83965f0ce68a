/// What is fixed for one tenant in the samples: its scale and the ids of its provider accounts, all derived from
/// the seed and the org slug.
struct SampleOrg {
    let slug: String
    let seed: UInt64
    /// A size factor in [0.6, 1.6): bigger tenants have more tokens, seats and cloud spend.
    let scale: Double

    init(slug: String, seed: UInt64) {
        self.slug = slug
        self.seed = seed
        var random = SplitMix64(seed: seed, labels: [slug, "profile"])
        scale = random.uniform(0.6, 1.6)
    }

    /// A random stream for one purpose of this org.
    func stream(_ labels: String...) -> SplitMix64 { SplitMix64(seed: seed, labels: [slug] + labels) }

    /// The slug as a display name: `acme_corp` → `Acme Corp`.
    var displayName: String {
        slug.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The slug with hyphens (GCP project ids, AWS account aliases).
    var hyphenated: String { slug.replacingUnderscores() }

    /// How busy a weekday is compared with an average weekday (`weekend` on Saturday and Sunday).
    static func weekdayFactor(_ date: CivilDate, weekend: Double) -> Double {
        switch date.weekday {
        case 1: 1.0
        case 2: 1.06
        case 3: 1.08
        case 4: 1.04
        case 5: 0.9
        default: weekend
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// The sample organisation hierarchy: departments, projects and teams (the same for every tenant).
enum SampleHierarchy {
    struct Entity {
        var id: String
        var name: String
        var level: String
        var parent: String?
    }

    static let entities: [Entity] = [
        Entity(id: "DEPT-ENG", name: "Engineering", level: "DEPT", parent: nil),
        Entity(id: "PROJ-PLATFORM", name: "Platform", level: "PROJ", parent: "DEPT-ENG"),
        Entity(id: "TEAM-INFRA", name: "Infrastructure", level: "TEAM", parent: "PROJ-PLATFORM"),
        Entity(id: "TEAM-DATA", name: "Data Engineering", level: "TEAM", parent: "PROJ-PLATFORM"),
        Entity(id: "PROJ-PRODUCT", name: "Product", level: "PROJ", parent: "DEPT-ENG"),
        Entity(id: "TEAM-SEARCH", name: "Search", level: "TEAM", parent: "PROJ-PRODUCT"),
        Entity(id: "TEAM-ASSIST", name: "AI Assistant", level: "TEAM", parent: "PROJ-PRODUCT"),
        Entity(id: "DEPT-DS", name: "Data Science", level: "DEPT", parent: nil),
        Entity(id: "PROJ-RESEARCH", name: "Applied Research", level: "PROJ", parent: "DEPT-DS"),
        Entity(id: "TEAM-ML", name: "ML Research", level: "TEAM", parent: "PROJ-RESEARCH"),
        Entity(id: "DEPT-GTM", name: "Go-to-Market", level: "DEPT", parent: nil),
        Entity(id: "PROJ-MARKETING", name: "Marketing", level: "PROJ", parent: "DEPT-GTM"),
        Entity(id: "PROJ-SALES", name: "Sales", level: "PROJ", parent: "DEPT-GTM"),
        Entity(id: "DEPT-FIN", name: "Finance, Legal & Ops", level: "DEPT", parent: nil),
        Entity(id: "PROJ-FINOPS", name: "FinOps", level: "PROJ", parent: "DEPT-FIN"),
    ]

    /// TEAM-ML was called this until it was renamed (a closed historical row).
    static let renamed = (id: "TEAM-ML", oldName: "Machine Learning")

    static func entity(_ id: String) -> Entity { entities.first { $0.id == id }! }

    static func chain(_ id: String) -> [Entity] {
        var chain: [Entity] = []
        var current: String? = id
        while let next = current {
            let entity = entity(next)
            chain.insert(entity, at: 0)
            current = entity.parent
        }
        return chain
    }

    /// `samples/{org}/org_hierarchy.csv`: every entity valid from January 1st two years before `from`; TEAM-ML
    /// renamed 90 days before `from` (the old row ends the day before).
    static func csv(org: SampleOrg, from: CivilDate) -> [UInt8] {
        var writer = CSVWriter(columns: [
            "org_slug", "entity_id", "entity_name", "level_code", "path", "path_names", "start_date", "end_date",
        ])
        let start = CivilDate(year: from.year - 2, month: 1, day: 1)
        let renamedOn = from.adding(days: -90)
        for entity in entities {
            let chain = chain(entity.id)
            let path = chain.map(\.id).joined(separator: "/")
            func names(_ last: String) -> String { (chain.dropLast().map(\.name) + [last]).joined(separator: " > ") }
            if entity.id == renamed.id {
                writer.append([
                    .text(org.slug), .text(entity.id), .text(renamed.oldName), .text(entity.level), .text(path),
                    .text(names(renamed.oldName)), .raw(start.description), .raw(renamedOn.adding(days: -1).description),
                ])
                writer.append([
                    .text(org.slug), .text(entity.id), .text(entity.name), .text(entity.level), .text(path),
                    .text(names(entity.name)), .raw(renamedOn.description), .null,
                ])
            } else {
                writer.append([
                    .text(org.slug), .text(entity.id), .text(entity.name), .text(entity.level), .text(path),
                    .text(names(entity.name)), .raw(start.description), .null,
                ])
            }
        }
        return writer.bytes
    }
}
