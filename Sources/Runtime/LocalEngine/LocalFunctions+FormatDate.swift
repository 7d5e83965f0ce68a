/// FORMAT_DATE for the embedded engine: the directives below, each checked against GoogleSQL (Docs/SQLITE.md D16).
/// Any other directive raises an error instead of guessing (BigQuery formats some, prints time directives
/// literally and others as nothing).
enum LocalFormatDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The directives the engine formats.
    static let supported: Set<Unicode.Scalar> = [
        "Y", "m", "d", "e", "j", "b", "h", "B", "a", "A", "y", "C", "F", "D", "x", "U", "W", "u", "w", "Q", "G", "g",
        "V", "n", "t", "%",
    ]

    static func format(_ format: String, days: Int64) throws -> String {
        let (year, month, day) = CivilCalendar.civil(days)
        let weekday = CivilCalendar.weekday(days)  // 0 = Sunday
        let yday = CivilCalendar.dayOfYear(days) - 1
        var out = ""
        var iterator = format.unicodeScalars.makeIterator()
        func pad(_ value: Int64, _ width: Int, _ fill: Character = "0") -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: fill, count: width - text.count) + text
        }
        while let scalar = iterator.next() {
            guard scalar == "%" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            guard let directive = iterator.next() else {
                out.append("%")  // a trailing lone % is printed as is (as BigQuery does)
                break
            }
            switch directive {
            case "Y": out += String(year)  // not padded: year 999 prints as 999
            case "m": out += pad(month, 2)
            case "d": out += pad(day, 2)
            case "e": out += pad(day, 2, " ")
            case "j": out += pad(yday + 1, 3)
            case "b", "h": out += String(monthNames[Int(month - 1)].prefix(3))
            case "B": out += monthNames[Int(month - 1)]
            case "a": out += String(dayNames[Int(weekday)].prefix(3))
            case "A": out += dayNames[Int(weekday)]
            case "y": out += pad(year % 100, 2)
            case "C": out += pad(year / 100, 2)
            case "F": out += pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            case "D", "x": out += pad(month, 2) + "/" + pad(day, 2) + "/" + pad(year % 100, 2)
            case "U": out += pad((yday + 7 - weekday) / 7, 2)
            case "W": out += pad((yday + 7 - (weekday + 6) % 7) / 7, 2)
            case "u": out += String(weekday == 0 ? 7 : weekday)
            case "w": out += String(weekday)
            case "Q": out += String((month - 1) / 3 + 1)
            case "G", "g", "V":
                let (isoYear, isoWeek) = isoWeekDate(days)
                switch directive {
                case "G": out += pad(isoYear, 4)
                case "g": out += pad(isoYear % 100, 2)
                default: out += pad(isoWeek, 2)
                }
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default:
                throw LocalFunctions.failure(
                    "FORMAT_DATE: format element %\(directive) is not supported by the embedded engine (supported: "
                        + supported.sorted { $0.value < $1.value }.map { "%\($0)" }.joined(separator: " ") + ")")
            }
        }
        return out
    }

    /// ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the year's first Thursday).
    static func isoWeekDate(_ days: Int64) -> (year: Int64, week: Int64) {
        let isoWeekday = (CivilCalendar.weekday(days) + 6) % 7  // 0 = Monday
        let thursday = days - isoWeekday + 3
        let (year, _, _) = CivilCalendar.civil(thursday)
        let firstDay = CivilCalendar.days(year: year, month: 1, day: 1)
        return (year, (thursday - firstDay) / 7 + 1)
    }
}
