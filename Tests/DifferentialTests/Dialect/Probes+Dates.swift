extension Probes {
    // MARK: D13 DATE arithmetic, D14 weeks, D16 FORMAT_DATE, D18 date spine

    static let dates: [Probe] = [
        Probe(
            "D13", "d13_month_arithmetic",
            rows: """
                id        | d          | d2         | i
                jan31     | 2024-01-31 | 2024-02-01 | 1
                jan31_23  | 2023-01-31 | 2023-03-01 | 1
                leap      | 2024-02-29 | 2025-02-28 | 12
                century   | 2000-02-29 | 2100-02-28 | 1200
                back      | 2024-03-31 | 2024-02-29 | -1
                quarter   | 2023-11-30 | 2024-02-29 | 1
                year_one  | 0001-12-31 | 0002-03-01 | 1
                null      | NULL       | 2024-01-01 | NULL
                """,
            pins: [
                ("jan31", "d1", "2024-02-29"), ("jan31_23", "d1", "2023-02-28"), ("leap", "d2", "2025-02-28"),
                ("century", "d1", "2100-02-28"), ("jan31", "i1", "1"),
            ],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(c.d, INTERVAL c.i MONTH)
              d2: DATE_ADD(c.d, INTERVAL DIV(c.i, 12) YEAR)
              d3: DATE_SUB(c.d, INTERVAL c.i QUARTER)
              d4: DATE_ADD(c.d, INTERVAL c.i WEEK)
              i1: DATE_DIFF(c.d2, c.d, MONTH)
              i2: DATE_DIFF(c.d2, c.d, DAY)
              i3: DATE_DIFF(c.d2, c.d, YEAR)
            """),
        Probe(
            "D13", "d13_native_forms",
            rows: """
                id     | d          | i
                leap   | 2024-02-29 | 1
                back   | 2024-03-31 | -1
                many   | 2023-12-15 | 25
                null   | NULL       | 1
                nulln  | 2024-01-01 | NULL
                """,
            // The printer's native SQLite forms: DATE_TRUNC to MONTH / YEAR, month-start + months, + days,
            // TIMESTAMP(date) and DATE(timestamp).
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(DATE_TRUNC(c.d, MONTH), INTERVAL c.i MONTH)
              d2: DATE_ADD(DATE_TRUNC(c.d, YEAR), INTERVAL c.i YEAR)
              d3: DATE_ADD(c.d, INTERVAL c.i DAY)
              d4: DATE(TIMESTAMP(DATE_TRUNC(c.d, MONTH)))
              ts1: TIMESTAMP(DATE_ADD(c.d, INTERVAL 1 DAY))
            """),
        Probe(
            "D13", "d13_parts_and_utc",
            rows: """
                id     | ts                        | d          | i    | i2
                utc    | 2024-01-31 23:00:00-05:00 | 2024-05-17 | 2024 | 2
                plain  | 2024-12-31 23:59:59.999999+00 | 2024-12-31 | 2024 | 2
                """,
            pins: [("utc", "d1", "2024-02-01"), ("utc", "i1", "1"), ("plain", "i2", "4")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE(c.ts)
              i1: EXTRACT(DAY FROM c.ts)
              i2: EXTRACT(QUARTER FROM c.d)
              i3: EXTRACT(DAYOFYEAR FROM c.d)
              d2: DATE(c.i, c.i2, 29)
              d3: LAST_DAY(c.d)
              d4: DATE_TRUNC(c.d, QUARTER)
            """),
        Probe(
            "D13", "d13_month_overflow", rows: "id | d\nend | 9999-12-31",
            expect: .bothFail(bigQuery: "Adding 1 MONTH to date 9999-12-31 causes overflow", sqlite: "Adding 1 MONTH to date 9999-12-31 causes overflow"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(c.d, INTERVAL 1 MONTH)
            """),
        // The printer's native date() forms give NULL or year 0000 at the range edges, where BigQuery raises
        // (documented in D13, "Native forms").
        Probe(
            "D13", "d13_native_day_overflow", rows: "id | d\nend | 9999-12-31",
            expect: .onlyBigQueryFails("Adding 1 DAY to date 9999-12-31 causes overflow"), sqlitePins: [("end", "d1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(c.d, INTERVAL 1 DAY)
            """),
        Probe(
            "D13", "d13_native_day_underflow", rows: "id | d\nstart | 0001-01-01",
            expect: .onlyBigQueryFails("Adding -1 DAY to date 0001-01-01 causes overflow"), sqlitePins: [("start", "d1", "unreadable: 0000-12-31 stored in a DATE column")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(c.d, INTERVAL -1 DAY)
            """),
        Probe(
            "D13", "d13_native_month_start_overflow", rows: "id | d\nend | 9999-12-15",
            expect: .onlyBigQueryFails("Adding 1 MONTH to date 9999-12-01 causes overflow"), sqlitePins: [("end", "d1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_ADD(DATE_TRUNC(c.d, MONTH), INTERVAL 1 MONTH)
            """),
        Probe(
            "D13", "d13_sub_underflow", rows: "id | d\nstart | 0001-01-31",
            expect: .bothFail(bigQuery: "Adding -1 QUARTER to date 0001-01-31 causes overflow", sqlite: "causes overflow"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_SUB(c.d, INTERVAL 1 QUARTER)
            """),
        Probe(
            "D13", "d13_invalid_date", rows: "id | i | i2\nfeb29 | 2023 | 2",
            expect: .bothFail(bigQuery: "Input calculates to invalid date: 2023-02-29", sqlite: "Input calculates to invalid date: 2023-02-29"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE(c.i, c.i2, 29)
            """),
        Probe(
            "D14", "d14_weeks",
            rows: """
                id   | d          | d2
                sat  | 2024-01-06 | 2024-01-07
                sun  | 2024-01-07 | 2024-01-13
                y2k  | 2000-12-31 | 2001-01-01
                leap | 2024-02-29 | 2023-02-28
                """,
            pins: [("sat", "i1", "1"), ("sat", "i2", "0"), ("sun", "i2", "1"), ("y2k", "i2", "53"), ("sat", "d1", "2023-12-31")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_TRUNC(c.d, WEEK)
              d2: LAST_DAY(c.d, WEEK)
              i1: DATE_DIFF(c.d2, c.d, WEEK)
              i2: EXTRACT(WEEK FROM c.d)
              i3: EXTRACT(DAYOFWEEK FROM c.d)
              s1: FORMAT_DATE('%U %W %V %u %w', c.d)
            """),
        Probe(
            "D14", "d14_week_underflow", rows: "id | d\nstart | 0001-01-01",
            expect: .bothFail(bigQuery: "", sqlite: ""),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: DATE_TRUNC(c.d, WEEK)
            """),
        Probe(
            "D16", "d16_format_date",
            rows: #"""
                id      | s                             | d
                ymd     | '%Y-%m-%d %j'                 | 2024-02-29
                names   | '%b %h %B %a %A'              | 2024-02-29
                short   | '%y %C %D %x %e|%n|%t|'       | 2024-03-05
                weeks   | '%U %W %u %w %Q %G %g %V'     | 2021-01-03
                year1   | '%Y %F %C %y %G'              | 0001-01-01
                percent | '100%% %'                     | 2024-01-01
                """#,
            pins: [("year1", "s1", "'1 0001-01-01 00 01 0001'"), ("ymd", "s1", "'2024-02-29 060'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: FORMAT_DATE(c.s, c.d)
            """),
        Probe(
            "D16", "d16_unsupported_directive", rows: "id | s | d\nhour | '%H:%M' | 2024-01-01",
            expect: .onlySQLiteFails("FORMAT_DATE"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: FORMAT_DATE(c.s, c.d)
            """),
        Probe(
            "D18", "d18_date_spine",
            rows: """
                id       | d          | d2
                leap     | 2024-02-27 | 2024-03-02
                one      | 2024-12-31 | 2024-12-31
                reversed | 2024-03-02 | 2024-02-27
                null     | NULL       | 2024-01-01
                """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            days: { from: c.d, to: c.d2, as: spine_day }
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              d1: spine_day
              i1: DATE_DIFF(spine_day, c.d, DAY)
            """),
    ]

    // MARK: D15 TIMESTAMP parsing and text, D17 the clock

    static let timestamps: [Probe] = [
        Probe(
            "D15", "d15_parse",
            rows: #"""
                id        | s
                date      | 2024-01-31
                short     | 2024-1-3 4:05:06
                t_z       | 2024-01-31T10:00:00Z
                lower_t   | 2024-01-31t10:00:00z
                offset    | 2024-01-31 10:00:00.123456+05:30
                compact   | 2024-01-31 10:00:00+0530
                hours     | 2024-01-31 10:00:00-5
                utc       | 2024-01-31 10:00:00 UTC
                etc_utc   | 2024-01-31 10:00:00 Etc/UTC
                utc_off   | 2024-01-31 10:00:00 UTC+3
                leap_sec  | 2024-12-31 23:59:60
                """#,
            pins: [("offset", "ts1", "2024-01-31T04:30:00.123456Z"), ("leap_sec", "ts1", "2025-01-01T00:00:00.000000Z")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              ts1: CAST(c.s AS TIMESTAMP)
              s1: CAST(CAST(c.s AS TIMESTAMP) AS STRING)
              d1: DATE(CAST(c.s AS TIMESTAMP))
            """),
        Probe(
            "D15", "d15_invalid", rows: "id | s\nseven | 2024-01-31 10:00:00.1234567",
            expect: .bothFail(bigQuery: "", sqlite: ""),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              ts1: CAST(c.s AS TIMESTAMP)
            """),
        Probe(
            "D15", "d15_zone_name", rows: "id | s\nny | 2024-01-31 10:00:00 America/New_York",
            expect: .onlySQLiteFails(""),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              ts1: CAST(c.s AS TIMESTAMP)
            """),
        Probe(
            "D17", "d17_clock",
            rows: """
                id | i
                a  | 1
                b  | 2
                c  | 3
                """,
            pins: [("d17_clock", "t1", "TRUE"), ("d17_clock", "t2", "TRUE")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              t1: MIN(CURRENT_TIMESTAMP()) = MAX(CURRENT_TIMESTAMP())
              t2: COUNTIF(CURRENT_DATE() = DATE(CURRENT_TIMESTAMP())) = COUNT(*)
            """),
    ]
}
