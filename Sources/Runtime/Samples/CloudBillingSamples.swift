/// Cloud billing rows for one day, one CSV per provider, in the column families of the providers' own exports
/// (GCP detailed billing export, AWS CUR 2.0, Azure cost details, OCI cost report). Nested and map fields are
/// flattened to lower_snake_case columns so that a raw table can declare them as they are (see Docs/SAMPLES.md for
/// the native name of each column); maps and arrays are JSON text. Daily rows, except GCP Compute Engine, which is
/// hourly as in the real export.
enum CloudBillingSamples {
    // MARK: GCP

    static let gcpColumns = [
        "billing_account_id", "service_id", "service_description", "sku_id", "sku_description", "usage_start_time",
        "usage_end_time", "project_id", "project_number", "project_name", "project_labels", "labels", "system_labels",
        "location_location", "location_country", "location_region", "location_zone", "resource_name",
        "resource_global_name", "cost", "currency", "currency_conversion_rate", "cost_at_list", "usage_amount", "usage_unit",
        "usage_amount_in_pricing_units", "usage_pricing_unit", "price_effective_price", "price_tier_start_amount",
        "price_unit", "price_pricing_unit_quantity", "credits", "invoice_month", "cost_type", "transaction_type",
        "seller_name", "export_time",
    ]

    struct GCPProject {
        var id: String
        var number: String
        var name: String
        var labels: String
    }

    static func gcpProjects(_ org: SampleOrg) -> (prod: GCPProject, analytics: GCPProject, staging: GCPProject) {
        var random = org.stream("gcp", "projects")
        func project(_ suffix: String, _ name: String, _ env: String, _ team: String) -> GCPProject {
            GCPProject(
                id: "\(org.hyphenated)-\(suffix)-\(random.digits(4))", number: random.digits(12), name: "\(org.displayName) \(name)",
                labels: #"[{"key":"env","value":"\#(env)"},{"key":"team","value":"\#(team)"}]"#)
        }
        return (
            project("prod", "Production", "prod", "platform"), project("analytics", "Analytics", "prod", "data"),
            project("staging", "Staging", "staging", "platform")
        )
    }

    static func gcp(org: SampleOrg, date: CivilDate) -> [UInt8] {
        var ids = org.stream("gcp", "ids")
        let billingAccount = "\(ids.hex(6))-\(ids.hex(6))-\(ids.hex(6))".uppercased()
        let projects = gcpProjects(org)
        var random = org.stream("gcp", "billing", date.description)
        var writer = CSVWriter(columns: gcpColumns)
        let next = date.adding(days: 1)
        let invoiceMonth = CivilDate.pad(date.year, 4) + CivilDate.pad(date.month, 2)
        let daysInMonth = Double(CivilDate.daysIn(year: date.year, month: date.month))
        let busy = SampleOrg.weekdayFactor(date, weekend: 0.55)
        let exportTime = SampleFormat.timestamp(next, hour: 4, minute: random.int(0...59), second: random.int(0...59))

        func row(
            service: (id: String, name: String), sku: (id: String, name: String), start: String, end: String, project: GCPProject,
            labels: String, systemLabels: String, location: (location: String, region: String?, zone: String?),
            resource: (name: String, global: String)?, usage: Double, usageUnit: String, pricingUsage: Double,
            pricingUnit: String, price: Double, credits: [(name: String, type: String, share: Double)]
        ) {
            let cost = pricingUsage * price
            let creditsJSON = credits.isEmpty ? "[]" : "[" + credits.map { credit in
                #"{"name":"\#(credit.name)","amount":\#(SampleFormat.decimal(-cost * credit.share, places: 6)),"full_name":"\#(credit.name)","id":"\#(credit.type.lowercased())-\#(invoiceMonth)","type":"\#(credit.type)"}"#
            }.joined(separator: ",") + "]"
            writer.append([
                .text(billingAccount), .text(service.id), .text(service.name), .text(sku.id), .text(sku.name), .raw(start),
                .raw(end), .text(project.id), .text(project.number), .text(project.name), .text(project.labels), .text(labels),
                .text(systemLabels), .text(location.location), .text("US"), .optionalText(location.region),
                .optionalText(location.zone), .optionalText(resource?.name), .optionalText(resource?.global),
                .raw(SampleFormat.decimal(cost, places: 6)), .text("USD"), .raw("1"), .raw(SampleFormat.decimal(cost, places: 6)),
                .raw(SampleFormat.decimal(usage, places: 3)), .text(usageUnit), .raw(SampleFormat.decimal(pricingUsage, places: 6)),
                .text(pricingUnit), .raw(SampleFormat.decimal(price, places: 6)), .raw("0"), .text(pricingUnit), .raw("1"),
                .text(creditsJSON), .text(invoiceMonth), .text("regular"), .text("GOOGLE"), .text("Google"), .raw(exportTime),
            ])
        }

        // Compute Engine, hourly: an autoscaled group of n2-standard-8 VMs in prod.
        let compute = (id: "6F81-5844-456A", name: "Compute Engine")
        let zone = (location: "us-central1-a", region: Optional("us-central1"), zone: Optional("us-central1-a"))
        let sudShare = min(0.3, Double(date.day) / 100)  // sustained use discounts grow through the month
        for hour in 0..<24 {
            let start = SampleFormat.timestamp(date, hour: hour)
            let end = hour == 23 ? SampleFormat.timestamp(next) : SampleFormat.timestamp(date, hour: hour + 1)
            let daytime = (14...23).contains(hour) ? 1.0 : 0.0
            let instances = Double(max(2, Int((3 + 2 * daytime * busy) * org.scale + random.uniform(0, 1))))
            let labels = #"[{"key":"app","value":"search-api"},{"key":"team","value":"search"}]"#
            let system = #"[{"key":"compute.googleapis.com/machine_spec","value":"n2-standard-8"}]"#
            let resource = (name: "search-api-mig", global: "//compute.googleapis.com/projects/\(projects.prod.id)/zones/us-central1-a/instanceGroups/search-api-mig")
            let vcpuHours = instances * 8
            row(
                service: compute, sku: (id: "BB77-5FDA-69D9", name: "N2 Instance Core running in Americas"), start: start, end: end,
                project: projects.prod, labels: labels, systemLabels: system, location: zone, resource: resource,
                usage: vcpuHours * 3600, usageUnit: "seconds", pricingUsage: vcpuHours, pricingUnit: "hour", price: 0.031611,
                credits: sudShare > 0 ? [("Sustained Usage Discount", "SUSTAINED_USAGE_DISCOUNT", sudShare)] : [])
            let ramGiBHours = instances * 32
            row(
                service: compute, sku: (id: "5B01-D157-A097", name: "N2 Instance Ram running in Americas"), start: start, end: end,
                project: projects.prod, labels: labels, systemLabels: system, location: zone, resource: resource,
                usage: ramGiBHours * 1_073_741_824 * 3600, usageUnit: "byte-seconds", pricingUsage: ramGiBHours,
                pricingUnit: "gibibyte hour", price: 0.004237,
                credits: sudShare > 0 ? [("Sustained Usage Discount", "SUSTAINED_USAGE_DISCOUNT", sudShare)] : [])
        }
        let dayStart = SampleFormat.timestamp(date)
        let dayEnd = SampleFormat.timestamp(next)
        let none = (location: "us", region: String?.none, zone: String?.none)
        let central = (location: "us-central1", region: Optional("us-central1"), zone: String?.none)
        // Staging e2 VM, a whole day.
        row(
            service: compute, sku: (id: "CF4E-A0C7-E3BF", name: "E2 Instance Core running in Americas"), start: dayStart,
            end: dayEnd, project: projects.staging, labels: #"[{"key":"app","value":"staging"}]"#, systemLabels: "[]",
            location: zone, resource: (name: "staging-1", global: "//compute.googleapis.com/projects/\(projects.staging.id)/zones/us-central1-a/instances/\(random.digits(19))"),
            usage: 4 * 24 * 3600, usageUnit: "seconds", pricingUsage: 96, pricingUnit: "hour", price: 0.021811, credits: [])
        // Cloud Storage, multi-region.
        let storedGiB = 14_000 * org.scale * (1 + Double(date.day) / 300)
        row(
            service: (id: "95FF-2EF5-5EA1", name: "Cloud Storage"), sku: (id: "E5F0-6A5D-7BAD", name: "Standard Storage US Multi-region"),
            start: dayStart, end: dayEnd, project: projects.analytics, labels: "[]", systemLabels: "[]", location: none,
            resource: (name: "\(org.hyphenated)-datalake", global: "//storage.googleapis.com/projects/_/buckets/\(org.hyphenated)-datalake"),
            usage: storedGiB * 1_073_741_824 * 86_400, usageUnit: "byte-seconds", pricingUsage: storedGiB / daysInMonth,
            pricingUnit: "gibibyte month", price: 0.026, credits: [])
        // BigQuery on-demand analysis.
        let scannedTiB = 6 * org.scale * busy * random.noise(0.4)
        row(
            service: (id: "24E6-581D-38E5", name: "BigQuery"), sku: (id: "3362-E469-6BEF", name: "Analysis (us)"), start: dayStart,
            end: dayEnd, project: projects.analytics, labels: #"[{"key":"team","value":"data"}]"#, systemLabels: "[]",
            location: none, resource: nil, usage: scannedTiB * 1_099_511_627_776, usageUnit: "bytes",
            pricingUsage: scannedTiB, pricingUnit: "tebibyte", price: 6.25, credits: [])
        // Cloud SQL for PostgreSQL.
        row(
            service: (id: "9662-B51E-5089", name: "Cloud SQL"),
            sku: (id: "D7A6-1D2D-5E4C", name: "Cloud SQL for PostgreSQL: Regional - vCPU in Americas"), start: dayStart,
            end: dayEnd, project: projects.prod, labels: #"[{"key":"app","value":"orders-db"}]"#, systemLabels: "[]",
            location: central, resource: (name: "orders-db", global: "//cloudsql.googleapis.com/projects/\(projects.prod.id)/instances/orders-db"),
            usage: 8 * 24 * 3600, usageUnit: "seconds", pricingUsage: 192, pricingUnit: "hour", price: 0.0826, credits: [])
        // Vertex AI Gemini tokens (the hyperscaler GenAI lines the GenAI pipeline must tag, not re-price).
        let inputTokens = (25e6 * org.scale * busy * random.noise(0.3)).rounded()
        let outputTokens = (inputTokens * random.uniform(0.08, 0.18)).rounded()
        for (sku, tokens, price) in [
            ((id: "A121-E2B5-1418", name: "Gemini 2.5 Pro Text Input (<=200k)"), inputTokens, 0.00000125),
            ((id: "5DA2-3F77-1CA5", name: "Gemini 2.5 Pro Text Output (<=200k)"), outputTokens, 0.00001),
        ] {
            row(
                service: (id: "C7E2-9256-1C43", name: "Vertex AI"), sku: sku, start: dayStart, end: dayEnd,
                project: projects.analytics, labels: #"[{"key":"team","value":"search"},{"key":"app","value":"rag"}]"#,
                systemLabels: "[]", location: central, resource: nil, usage: tokens, usageUnit: "count", pricingUsage: tokens,
                pricingUnit: "count", price: price, credits: [])
        }
        // Internet egress.
        let egressGiB = 420 * org.scale * busy * random.noise(0.3)
        row(
            service: compute, sku: (id: "9DE9-9092-B3BC", name: "Network Internet Data Transfer Out from Americas to Americas"),
            start: dayStart, end: dayEnd, project: projects.prod, labels: "[]", systemLabels: "[]", location: central, resource: nil,
            usage: egressGiB * 1_073_741_824, usageUnit: "bytes", pricingUsage: egressGiB, pricingUnit: "gibibyte",
            price: 0.085, credits: [])
        return writer.bytes
    }

    // MARK: AWS CUR 2.0

    static let awsColumns = [
        "identity_line_item_id", "identity_time_interval", "bill_bill_type", "bill_billing_entity",
        "bill_billing_period_start_date", "bill_billing_period_end_date", "bill_invoice_id", "bill_invoicing_entity",
        "bill_payer_account_id", "bill_payer_account_name", "line_item_usage_account_id", "line_item_usage_account_name",
        "line_item_line_item_type", "line_item_usage_start_date", "line_item_usage_end_date", "line_item_product_code",
        "line_item_usage_type", "line_item_operation", "line_item_availability_zone", "line_item_resource_id",
        "line_item_usage_amount", "line_item_normalized_usage_amount", "line_item_currency_code", "line_item_unblended_rate",
        "line_item_unblended_cost", "line_item_blended_rate", "line_item_blended_cost", "line_item_net_unblended_cost",
        "line_item_line_item_description", "line_item_legal_entity", "pricing_public_on_demand_rate",
        "pricing_public_on_demand_cost", "pricing_term", "pricing_unit", "pricing_purchase_option", "product",
        "product_sku", "product_product_family", "product_servicecode", "product_region_code", "product_instance_type",
        "savings_plan_savings_plan_a_r_n", "savings_plan_savings_plan_rate", "savings_plan_savings_plan_effective_cost",
        "savings_plan_used_commitment", "savings_plan_total_commitment_to_date", "resource_tags", "cost_category",
    ]

    static func aws(org: SampleOrg, date: CivilDate) -> [UInt8] {
        var ids = org.stream("aws", "ids")
        let payer = ids.digits(12)
        let prod = ids.digits(12)
        let data = ids.digits(12)
        let savingsPlan = "arn:aws:savingsplans::\(payer):savingsplan/\(ids.uuid())"
        let instances = (0..<4).map { _ in "i-0" + ids.hex(16) }
        let dbArn = "arn:aws:rds:us-east-1:\(prod):db:orders-\(ids.hex(6))"
        let inferenceProfile = "arn:aws:bedrock:us-east-1:\(data):application-inference-profile/\(ids.token(12, alphabet: "abcdefghijklmnopqrstuvwxyz0123456789"))"
        var random = org.stream("aws", "billing", date.description)
        var writer = CSVWriter(columns: awsColumns)
        let next = date.adding(days: 1)
        let monthStart = date.monthStart
        let periodStart = SampleFormat.timestamp(monthStart)
        let periodEnd = SampleFormat.timestamp(monthStart.adding(months: 1))
        let start = SampleFormat.timestamp(date)
        let end = SampleFormat.timestamp(next)
        let daysInMonth = Double(CivilDate.daysIn(year: date.year, month: date.month))
        let busy = SampleOrg.weekdayFactor(date, weekend: 0.6)
        func sku(_ name: String) -> String {
            var random = org.stream("aws", "sku", name)
            return random.token(16, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        }

        struct Line {
            var account: (id: String, name: String)
            var type: String
            var productCode: String
            var usageType: String
            var operation: String
            var zone: String?
            var resource: String?
            var amount: Double
            var normalized: Double?
            var rate: Double
            var cost: Double
            var publicRate: Double
            var description: String
            var unit: String
            var term: String?
            var product: String
            var family: String?
            var serviceCode: String
            var instanceType: String?
            var savingsPlan: (rate: Double, effective: Double)?
            var commitment: (used: Double, total: Double)?
            var tags: String
        }
        let prodAccount = (id: prod, name: "\(org.hyphenated)-prod")
        let dataAccount = (id: data, name: "\(org.hyphenated)-data")
        var lines: [Line] = []
        let ec2Product = #"{"region":"us-east-1","servicecode":"AmazonEC2","instance_type":"m6i.xlarge","operating_system":"Linux","tenancy":"Shared"}"#
        var spUsed = 0.0
        for (index, instance) in instances.enumerated() {
            let covered = index < 3
            let cost = 24 * 0.192
            let tags = jsonObject([("user_team", index < 2 ? "search" : "platform"), ("user_env", "prod")])
            let effective = 24 * 0.1295
            if covered { spUsed += effective }
            lines.append(Line(
                account: prodAccount, type: covered ? "SavingsPlanCoveredUsage" : "Usage", productCode: "AmazonEC2",
                usageType: "USE1-BoxUsage:m6i.xlarge", operation: "RunInstances", zone: index % 2 == 0 ? "us-east-1a" : "us-east-1b",
                resource: instance, amount: 24, normalized: 192, rate: 0.192, cost: cost, publicRate: 0.192,
                description: "$0.192 per On Demand Linux m6i.xlarge Instance Hour", unit: "Hrs", term: "OnDemand",
                product: ec2Product, family: "Compute Instance", serviceCode: "AmazonEC2", instanceType: "m6i.xlarge",
                savingsPlan: covered ? (0.1295, effective) : nil, commitment: nil, tags: tags))
            if covered {
                lines.append(Line(
                    account: prodAccount, type: "SavingsPlanNegation", productCode: "AmazonEC2",
                    usageType: "USE1-BoxUsage:m6i.xlarge", operation: "RunInstances", zone: index % 2 == 0 ? "us-east-1a" : "us-east-1b",
                    resource: instance, amount: 24, normalized: 192, rate: -0.192, cost: -cost, publicRate: 0.192,
                    description: "SavingsPlanNegation used by AccountId : \(prod) and UsageSku : \(sku("USE1-BoxUsage:m6i.xlarge"))",
                    unit: "Hrs", term: "OnDemand", product: ec2Product, family: "Compute Instance", serviceCode: "AmazonEC2",
                    instanceType: "m6i.xlarge", savingsPlan: (0.1295, 0), commitment: nil, tags: tags))
            }
        }
        let commitment = 24 * 0.40
        lines.append(Line(
            account: (id: payer, name: "\(org.hyphenated)-management"), type: "SavingsPlanRecurringFee",
            productCode: "ComputeSavingsPlans", usageType: "ComputeSP:1yrNoUpfront", operation: "", zone: nil,
            resource: savingsPlan, amount: 24, normalized: nil, rate: 0.40, cost: commitment, publicRate: 0.40,
            description: "1 year No Upfront Compute Savings Plan", unit: "Hrs", term: "Savings Plan",
            product: #"{"servicecode":"ComputeSavingsPlans"}"#, family: nil, serviceCode: "ComputeSavingsPlans",
            instanceType: nil, savingsPlan: (0.40, commitment), commitment: (spUsed, commitment), tags: "{}"))
        let ebsGB = 2_000 * org.scale
        lines.append(Line(
            account: prodAccount, type: "Usage", productCode: "AmazonEC2", usageType: "USE1-EBS:VolumeUsage.gp3",
            operation: "CreateVolume-Gp3", zone: "us-east-1a", resource: "vol-0" + ids.hex(16), amount: ebsGB / daysInMonth,
            normalized: nil, rate: 0.08, cost: ebsGB / daysInMonth * 0.08, publicRate: 0.08,
            description: "$0.08 per GB-month of General Purpose (gp3) provisioned storage - US East (N. Virginia)", unit: "GB-Mo",
            term: "OnDemand", product: #"{"region":"us-east-1","servicecode":"AmazonEC2","volume_api_name":"gp3"}"#,
            family: "Storage", serviceCode: "AmazonEC2", instanceType: nil, savingsPlan: nil, commitment: nil,
            tags: jsonObject([("user_team", "search"), ("user_env", "prod")])))
        let s3GB = 42_000 * org.scale * (1 + Double(date.day) / 400)
        let bucket = "arn:aws:s3:::\(org.hyphenated)-lake"
        lines.append(Line(
            account: dataAccount, type: "Usage", productCode: "AmazonS3", usageType: "USE1-TimedStorage-ByteHrs",
            operation: "StandardStorage", zone: nil, resource: bucket, amount: s3GB / daysInMonth, normalized: nil,
            rate: 0.023, cost: s3GB / daysInMonth * 0.023, publicRate: 0.023,
            description: "$0.023 per GB - first 50 TB / month of storage used", unit: "GB-Mo", term: "OnDemand",
            product: #"{"region":"us-east-1","servicecode":"AmazonS3","storage_class":"General Purpose"}"#,
            family: "Storage", serviceCode: "AmazonS3", instanceType: nil, savingsPlan: nil, commitment: nil,
            tags: jsonObject([("user_team", "data")])))
        let puts = (1_800_000 * org.scale * busy * random.noise(0.3)).rounded()
        lines.append(Line(
            account: dataAccount, type: "Usage", productCode: "AmazonS3", usageType: "USE1-Requests-Tier1", operation: "PutObject",
            zone: nil, resource: bucket, amount: puts, normalized: nil, rate: 0.000005, cost: puts * 0.000005, publicRate: 0.000005,
            description: "$0.005 per 1,000 PUT, COPY, POST, or LIST requests", unit: "Requests", term: "OnDemand",
            product: #"{"region":"us-east-1","servicecode":"AmazonS3"}"#, family: "API Request", serviceCode: "AmazonS3",
            instanceType: nil, savingsPlan: nil, commitment: nil, tags: jsonObject([("user_team", "data")])))
        lines.append(Line(
            account: prodAccount, type: "Usage", productCode: "AmazonRDS", usageType: "USE1-InstanceUsage:db.r6g.large",
            operation: "CreateDBInstance:0014", zone: "us-east-1b", resource: dbArn, amount: 24, normalized: 96, rate: 0.225,
            cost: 24 * 0.225, publicRate: 0.225, description: "$0.225 per RDS db.r6g.large instance hour (or partial hour) running PostgreSQL",
            unit: "Hrs", term: "OnDemand", product: #"{"region":"us-east-1","servicecode":"AmazonRDS","database_engine":"PostgreSQL"}"#,
            family: "Database Instance", serviceCode: "AmazonRDS", instanceType: "db.r6g.large", savingsPlan: nil,
            commitment: nil, tags: jsonObject([("user_team", "platform"), ("user_env", "prod")])))
        let egressGB = 310 * org.scale * busy * random.noise(0.3)
        lines.append(Line(
            account: prodAccount, type: "Usage", productCode: "AWSDataTransfer", usageType: "USE1-DataTransfer-Out-Bytes",
            operation: "", zone: nil, resource: nil, amount: egressGB, normalized: nil, rate: 0.09, cost: egressGB * 0.09,
            publicRate: 0.09, description: "$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier",
            unit: "GB", term: "OnDemand", product: #"{"region":"us-east-1","servicecode":"AWSDataTransfer"}"#,
            family: "Data Transfer", serviceCode: "AWSDataTransfer", instanceType: nil, savingsPlan: nil, commitment: nil,
            tags: "{}"))
        // Bedrock tokens, in thousands (the usage type names the model and the token kind).
        let inputK = (4_000 * org.scale * busy * random.noise(0.3)).rounded()
        for (usageType, amount, rate, kind) in [
            ("USE1-Claude4.5Sonnet-input-tokens", inputK, 0.003, "input"),
            ("USE1-Claude4.5Sonnet-output-tokens", (inputK * random.uniform(0.1, 0.2)).rounded(), 0.015, "output"),
        ] {
            lines.append(Line(
                account: dataAccount, type: "Usage", productCode: "AmazonBedrock", usageType: usageType,
                operation: "InvokeModelInference", zone: nil, resource: inferenceProfile, amount: amount, normalized: nil,
                rate: rate, cost: amount * rate, publicRate: rate,
                description: "Claude Sonnet 4.5 \(kind) tokens, per 1K tokens", unit: "1K tokens", term: "OnDemand",
                product: #"{"region":"us-east-1","servicecode":"AmazonBedrock","model":"Claude Sonnet 4.5"}"#,
                family: nil, serviceCode: "AmazonBedrock", instanceType: nil, savingsPlan: nil, commitment: nil,
                tags: jsonObject([("user_team", "assistant"), ("user_app", "support-bot")])))
        }
        for line in lines {
            writer.append([
                .text(random.token(52, alphabet: "abcdefghijklmnopqrstuvwxyz234567")), .text("\(start)/\(end)"),
                .text("Anniversary"), .text("AWS"), .raw(periodStart), .raw(periodEnd), .null,
                .text("Amazon Web Services, Inc."), .text(payer), .text("\(org.hyphenated)-management"),
                .text(line.account.id), .text(line.account.name), .text(line.type), .raw(start), .raw(end),
                .text(line.productCode), .text(line.usageType), .optionalText(line.operation.isEmpty ? nil : line.operation), .optionalText(line.zone),
                .optionalText(line.resource), .raw(SampleFormat.decimal(line.amount, places: 6)),
                line.normalized.map { .raw(SampleFormat.decimal($0, places: 6)) } ?? .null, .text("USD"),
                .text(SampleFormat.decimal(line.rate, places: 8)), .raw(SampleFormat.decimal(line.cost, places: 8)),
                .text(SampleFormat.decimal(line.rate, places: 8)), .raw(SampleFormat.decimal(line.cost, places: 8)),
                .raw(SampleFormat.decimal(line.cost, places: 8)), .text(line.description), .text("Amazon Web Services, Inc."),
                .text(SampleFormat.decimal(line.publicRate, places: 8)),
                .raw(SampleFormat.decimal(line.type == "SavingsPlanNegation" ? 0 : line.amount * line.publicRate, places: 8)),
                .optionalText(line.term), .text(line.unit), .text(line.term == "OnDemand" ? "On Demand" : "No Upfront"),
                .text(line.product), .text(sku(line.usageType)), .optionalText(line.family), .text(line.serviceCode),
                .text("us-east-1"), .optionalText(line.instanceType),
                line.savingsPlan == nil ? .null : .text(savingsPlan),
                line.savingsPlan.map { .text(SampleFormat.decimal($0.rate, places: 8)) } ?? .null,
                line.savingsPlan.map { .raw(SampleFormat.decimal($0.effective, places: 8)) } ?? .null,
                line.commitment.map { .raw(SampleFormat.decimal($0.used, places: 8)) } ?? .null,
                line.commitment.map { .raw(SampleFormat.decimal($0.total, places: 8)) } ?? .null,
                .text(line.tags), .text(jsonObject([("business_unit", line.account.id == data ? "data" : "engineering")])),
            ])
        }
        return writer.bytes
    }

    // MARK: Azure cost details

    static let azureColumns = [
        "date", "billing_period_start_date", "billing_period_end_date", "billing_account_id", "billing_account_name",
        "billing_profile_id", "billing_profile_name", "invoice_section_id", "invoice_section_name", "subscription_id",
        "subscription_name", "resource_group_name", "resource_id", "resource_location", "consumed_service", "meter_id",
        "meter_name", "meter_category", "meter_subcategory", "meter_region", "product_name", "publisher_name",
        "publisher_type", "charge_type", "frequency", "pricing_model", "benefit_id", "benefit_name", "quantity",
        "unit_of_measure", "unit_price", "effective_price", "payg_price", "cost_in_billing_currency",
        "payg_cost_in_billing_currency", "billing_currency", "pricing_currency", "exchange_rate_pricing_to_billing",
        "term", "tags", "additional_info", "invoice_id",
    ]

    /// Azure's export writes the tags object without its braces (`"team": "search","env": "prod"`); kept as is.
    static func azureTags(_ tags: [(String, String)]) -> String {
        tags.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",")
    }

    static func azure(org: SampleOrg, date: CivilDate) -> [UInt8] {
        var ids = org.stream("azure", "ids")
        let billingAccount = "\(ids.uuid()):\(ids.uuid())_2019-05-31"
        func profile() -> String { [ids.token(4), ids.token(4), ids.token(3), ids.token(3)].joined(separator: "-").uppercased() }
        let billingProfile = profile()
        let invoiceSection = profile()
        let subscription = ids.uuid()
        let reservationOrder = ids.uuid()
        let reservation = ids.uuid()
        func meter(_ name: String) -> String {
            var random = org.stream("azure", "meter", name)
            return random.uuid()
        }
        var random = org.stream("azure", "billing", date.description)
        var writer = CSVWriter(columns: azureColumns, lineEnding: "\r\n", byteOrderMark: true)
        let monthStart = date.monthStart
        let monthEnd = monthStart.adding(months: 1).adding(days: -1)
        let daysInMonth = Double(CivilDate.daysIn(year: date.year, month: date.month))
        let busy = SampleOrg.weekdayFactor(date, weekend: 0.5)
        let group = "/subscriptions/\(subscription)/resourceGroups"

        func row(
            resourceGroup: String?, resource: String?, service: String?, meterName: String?, category: String?,
            subcategory: String?, product: String, chargeType: String = "Usage", frequency: String = "UsageBased",
            pricingModel: String = "OnDemand", benefit: (id: String, name: String)? = nil, quantity: Double, unit: String,
            unitPrice: Double, effectivePrice: Double, paygPrice: Double, term: Int? = nil, tags: [(String, String)],
            info: String?
        ) {
            let cost = quantity * effectivePrice
            writer.append([
                .raw(date.description), .raw(monthStart.description), .raw(monthEnd.description), .text(billingAccount),
                .text("\(org.displayName) Inc."), .text(billingProfile), .text("\(org.displayName) Billing"),
                .text(invoiceSection), .text("Engineering"), .text(subscription), .text("\(org.hyphenated)-prod"),
                .optionalText(resourceGroup), .optionalText(resource), .optionalText(resource == nil ? nil : "eastus"),
                .optionalText(service), meterName.map { .text(meter($0)) } ?? .null, .optionalText(meterName),
                .optionalText(category), .optionalText(subcategory), .optionalText(meterName == nil ? nil : "US East"), .text(product),
                .text("Microsoft"), .text("Microsoft"), .text(chargeType), .text(frequency), .text(pricingModel),
                .optionalText(benefit?.id), .optionalText(benefit?.name), .raw(SampleFormat.decimal(quantity, places: 6)),
                .text(unit), .raw(SampleFormat.decimal(unitPrice, places: 6)), .raw(SampleFormat.decimal(effectivePrice, places: 6)),
                .raw(SampleFormat.decimal(paygPrice, places: 6)), .raw(SampleFormat.decimal(cost, places: 8)),
                .raw(SampleFormat.decimal(quantity * paygPrice, places: 8)), .text("USD"), .text("USD"), .raw("1"),
                term.map { .int($0) } ?? .null, tags.isEmpty ? .null : .text(azureTags(tags)), .optionalText(info), .null,
            ])
        }

        let reservationBenefit = (
            id: "/providers/Microsoft.Capacity/reservationOrders/\(reservationOrder)/reservations/\(reservation)",
            name: "VM_RI_D4s_v5_eastus"
        )
        if date.day == 1 {
            row(
                resourceGroup: nil, resource: nil, service: nil, meterName: nil, category: nil, subcategory: nil,
                product: "Reserved VM Instance, Standard_D4s_v5, US East, 1 Year", chargeType: "Purchase",
                frequency: "Recurring", pricingModel: "Reservation", benefit: reservationBenefit, quantity: 1, unit: "1 Hour",
                unitPrice: 91.98, effectivePrice: 91.98, paygPrice: 0, term: 12, tags: [], info: nil)
        }
        for (index, vm) in ["vm-search-01", "vm-search-02"].enumerated() {
            let reserved = index == 0
            row(
                resourceGroup: "rg-search", resource: "\(group)/rg-search/providers/Microsoft.Compute/virtualMachines/\(vm)",
                service: "Microsoft.Compute", meterName: "D4s v5", category: "Virtual Machines", subcategory: "Dsv5 Series",
                product: "Virtual Machines Dsv5 Series - D4s v5 - US East", pricingModel: reserved ? "Reservation" : "OnDemand",
                benefit: reserved ? reservationBenefit : nil, quantity: 24, unit: "1 Hour", unitPrice: 0.192,
                effectivePrice: reserved ? 0 : 0.192, paygPrice: 0.192, tags: [("team", "search"), ("env", "prod")],
                info: #"{"ServiceType":"Standard_D4s_v5","VMName":"\#(vm)","VCPUs":4}"#)
        }
        let storedGB = 9_000 * org.scale * (1 + Double(date.day) / 500)
        row(
            resourceGroup: "rg-data", resource: "\(group)/rg-data/providers/Microsoft.Storage/storageAccounts/\(org.slug.filter { $0 != "_" })lake",
            service: "Microsoft.Storage", meterName: "Hot LRS Data Stored", category: "Storage", subcategory: "Hot Block Blob",
            product: "Blob Storage - Hot - LRS - US East", quantity: storedGB / daysInMonth, unit: "1 GB/Month",
            unitPrice: 0.0184, effectivePrice: 0.0184, paygPrice: 0.0184, tags: [("team", "data")], info: nil)
        row(
            resourceGroup: "rg-orders", resource: "\(group)/rg-orders/providers/Microsoft.Sql/servers/orders-sql/databases/orders",
            service: "Microsoft.Sql", meterName: "vCore", category: "SQL Database", subcategory: "General Purpose - Compute Gen5",
            product: "SQL Database Single General Purpose - Compute Gen5 - US East", quantity: 96, unit: "1 Hour",
            unitPrice: 0.2525, effectivePrice: 0.2525, paygPrice: 0.2525, tags: [("team", "platform"), ("env", "prod")],
            info: nil)
        let inputK = (9_000 * org.scale * busy * random.noise(0.3)).rounded()
        let deployment = "\(group)/rg-ai/providers/Microsoft.CognitiveServices/accounts/\(org.hyphenated)-openai"
        for (meterName, quantity, price) in [
            ("gpt-4o-0806-Inp-glbl Tokens", inputK, 0.0025),
            ("gpt-4o-0806-Outp-glbl Tokens", (inputK * random.uniform(0.12, 0.25)).rounded(), 0.01),
        ] {
            row(
                resourceGroup: "rg-ai", resource: deployment, service: "Microsoft.CognitiveServices", meterName: meterName,
                category: "Foundry Models", subcategory: "Azure OpenAI", product: "Azure OpenAI - \(meterName)", quantity: quantity,
                unit: "1K", unitPrice: price, effectivePrice: price, paygPrice: price,
                tags: [("team", "assistant"), ("app", "copilot")], info: #"{"DeploymentName":"gpt4o-glb","ModelName":"gpt-4o"}"#)
        }
        let egressGB = 180 * org.scale * busy * random.noise(0.3)
        row(
            resourceGroup: "rg-search", resource: "\(group)/rg-search/providers/Microsoft.Network/publicIPAddresses/search-ip",
            service: "Microsoft.Network", meterName: "Standard Data Transfer Out", category: "Bandwidth",
            subcategory: "Rtn Preference: MGN", product: "Rtn Preference: MGN - Data Transfer Out - Zone 1", quantity: egressGB,
            unit: "1 GB", unitPrice: 0.087, effectivePrice: 0.087, paygPrice: 0.087, tags: [("team", "search")], info: nil)
        return writer.bytes
    }

    // MARK: OCI cost report

    static let ociColumns = [
        "line_item_reference_no", "line_item_tenant_id", "line_item_interval_usage_start", "line_item_interval_usage_end",
        "product_service", "product_resource", "product_compartment_id", "product_compartment_name", "product_region",
        "product_availability_domain", "product_resource_id", "product_description", "usage_billed_quantity",
        "usage_billed_quantity_overage", "cost_subscription_id", "cost_product_sku", "cost_unit_price",
        "cost_unit_price_overage", "cost_my_cost", "cost_my_cost_overage", "cost_currency_code",
        "cost_billing_unit_readable", "cost_sku_unit_description", "cost_overage_flag", "line_item_is_correction",
        "line_item_backreference_no", "tags",
    ]

    static func oci(org: SampleOrg, date: CivilDate) -> [UInt8] {
        let base32 = "abcdefghijklmnopqrstuvwxyz234567"
        var ids = org.stream("oci", "ids")
        let tenancy = "ocid1.tenancy.oc1..aaaaaaaa" + ids.token(52, alphabet: base32)
        let prod = (id: "ocid1.compartment.oc1..aaaaaaaa" + ids.token(52, alphabet: base32), name: "prod")
        let analytics = (id: "ocid1.compartment.oc1..aaaaaaaa" + ids.token(52, alphabet: base32), name: "analytics")
        let subscription = ids.digits(8)
        let instances = (0..<2).map { _ in "ocid1.instance.oc1.iad." + ids.token(60, alphabet: base32) }
        let volume = "ocid1.volume.oc1.iad." + ids.token(60, alphabet: base32)
        let database = "ocid1.autonomousdatabase.oc1.iad." + ids.token(60, alphabet: base32)
        var random = org.stream("oci", "billing", date.description)
        var writer = CSVWriter(columns: ociColumns)
        let start = SampleFormat.timestamp(date)
        let end = SampleFormat.timestamp(date.adding(days: 1))
        let daysInMonth = Double(CivilDate.daysIn(year: date.year, month: date.month))

        func row(
            service: String, resource: String, compartment: (id: String, name: String), domain: String?, resourceId: String,
            description: String, quantity: Double, sku: String, price: Double, unit: String, tags: [(String, String)]
        ) {
            writer.append([
                .text(random.token(44)), .text(tenancy), .raw(start), .raw(end), .text(service), .text(resource),
                .text(compartment.id), .text(compartment.name), .text("us-ashburn-1"), .optionalText(domain),
                .text(resourceId), .text(description), .raw(SampleFormat.decimal(quantity, places: 6)), .null,
                .text(subscription), .text(sku), .raw(SampleFormat.decimal(price, places: 6)), .null,
                .raw(SampleFormat.decimal(quantity * price, places: 8)), .null, .text("USD"), .text(unit), .text(unit), .null,
                .raw("false"), .null, .text(jsonObject(tags)),
            ])
        }
        for (index, instance) in instances.enumerated() {
            let ocpus = index == 0 ? 4.0 : 8.0
            let tags = [("Oracle-Tags.CreatedBy", "terraform"), ("team", index == 0 ? "platform" : "data")]
            row(
                service: "COMPUTE", resource: "PIC_COMPUTE_STANDARD_E4_OCPU", compartment: index == 0 ? prod : analytics,
                domain: "LJpv:US-ASHBURN-AD-\(index + 1)", resourceId: instance, description: "Compute - Standard - E4 - OCPU",
                quantity: ocpus * 24, sku: "B93113", price: 0.025, unit: "OCPU Per Hour", tags: tags)
            row(
                service: "COMPUTE", resource: "PIC_COMPUTE_STANDARD_E4_MEM", compartment: index == 0 ? prod : analytics,
                domain: "LJpv:US-ASHBURN-AD-\(index + 1)", resourceId: instance, description: "Compute - Standard - E4 - Memory",
                quantity: ocpus * 16 * 24, sku: "B93114", price: 0.0015, unit: "Gigabyte Per Hour", tags: tags)
        }
        row(
            service: "BLOCK_STORAGE", resource: "PIC_BLOCK_STORAGE_STANDARD", compartment: prod, domain: "LJpv:US-ASHBURN-AD-1",
            resourceId: volume, description: "Block Volume - Storage", quantity: 1_024 * org.scale / daysInMonth, sku: "B91961",
            price: 0.0255, unit: "Gigabyte Storage Capacity Per Month", tags: [("team", "platform")])
        row(
            service: "OBJECTSTORE", resource: "PIC_OBJECT_STORAGE_STANDARD", compartment: analytics, domain: nil,
            resourceId: "ocid1.bucket.oc1.iad." + random.token(60, alphabet: base32),
            description: "Object Storage - Storage", quantity: 6_000 * org.scale * (1 + Double(date.day) / 400) / daysInMonth,
            sku: "B91628", price: 0.0255, unit: "Gigabyte Storage Capacity Per Month", tags: [("team", "data")])
        let ecpuHours = (48 * org.scale * SampleOrg.weekdayFactor(date, weekend: 0.5) * random.noise(0.2) * 10).rounded() / 10
        row(
            service: "DATABASE", resource: "PIC_ADB_ECPU_TRANSACTION_PROCESSING", compartment: analytics, domain: nil,
            resourceId: database, description: "Oracle Autonomous Transaction Processing - ECPU", quantity: ecpuHours,
            sku: "B95701", price: 0.336, unit: "ECPU Per Hour", tags: [("team", "data")])
        return writer.bytes
    }
}
