extension Probes {
    // MARK: D5 CAST

    static let casts: [Probe] = [
        Probe(
            "D5", "d05_string_to_number",
            rows: #"""
                id    | s          | s2
                space | ' 42 '     | 1e3
                hex   | 0x1F       | .5
                neghex| -0x10      | 0x10
                plus  | +7         | -Infinity
                """#,
            pins: [("space", "i1", "42"), ("hex", "i1", "31"), ("neghex", "i1", "-16"), ("space", "f1", "1000")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: CAST(c.s AS INT64)
              f1: CAST(c.s2 AS FLOAT64)
            """),
        Probe(
            "D5", "d05_string_to_decimal",
            rows: """
                id    | s
                round | 0.0000000375
                exp   | 1e3
                half  | -2.0000000005
                """,
            pins: [("round", "n1", "0.000000038"), ("half", "n1", "-2.000000001")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              n1: CAST(c.s AS NUMERIC)
              b1: CAST(c.s AS BIGNUMERIC)
            """),
        Probe(
            "D5", "d05_string_to_bool_date",
            rows: """
                id    | s     | s2
                upper | TRUE  | 2024-2-3
                lower | false | 0001-01-01
                """,
            pins: [("upper", "t1", "TRUE"), ("upper", "d1", "2024-02-03")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: CAST(c.s AS BOOL)
              d1: CAST(c.s2 AS DATE)
            """),
        Probe(
            "D5", "d05_number_casts",
            rows: """
                id   | f     | n      | i
                half | 2.5   | 2.5    | 0
                neg  | -2.5  | -2.5   | 2
                big  | 1e10  | 0.001  | -1
                """,
            pins: [("half", "i1", "3"), ("neg", "i1", "-3"), ("neg", "i2", "-3"), ("big", "t1", "TRUE")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: CAST(c.f AS INT64)
              i2: CAST(c.n AS INT64)
              t1: CAST(c.i AS BOOL)
              n1: CAST(c.f AS NUMERIC)
              f1: CAST(c.n AS FLOAT64)
            """),
        Probe(
            "D5", "d05_to_string",
            rows: """
                id    | i                    | f     | d          | ts
                a     | -9223372036854775808 | 0.1   | 0001-01-01 | 2024-01-01 10:00:00+00
                b     | 0                    | 1e15  | 2024-02-29 | 2024-01-01 10:00:00.5+00
                c     | 42                   | -0.0  | 9999-12-31 | 2024-01-01 10:00:00.123456+00
                third | 7                    | 0.3333333333333333 | 2024-01-01 | 1970-01-01 00:00:00+00
                """,
            pins: [
                ("a", "s2", "'0.1'"), ("b", "s2", "'1e+15'"), ("c", "s2", "'0'"), ("third", "s2", "'0.33333333333333331'"),
                ("b", "s3", "'2024-01-01 10:00:00.500+00'"),
            ],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: CAST(c.i AS STRING)
              s2: CAST(c.f AS STRING)
              s3: CAST(c.ts AS STRING)
              d1: CAST(CAST(c.d AS STRING) AS DATE)
            """),
        Probe(
            "D5", "d05_safe_cast",
            rows: """
                id    | s
                frac  | 1.5
                empty | ''
                word  | x
                """,
            pins: [("frac", "i1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: SAFE_CAST(c.s AS INT64)
              d1: SAFE_CAST(c.s AS DATE)
              t1: SAFE_CAST(c.s AS BOOL)
              n1: SAFE_CAST(c.s AS NUMERIC)
            """),
        Probe(
            "D5", "d05_bad_cast", rows: "id | s\nfrac | 1.5",
            expect: .bothFail(bigQuery: "Bad int64 value: 1.5", sqlite: "bad cast"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: CAST(c.s AS INT64)
            """),
        Probe(
            "D5", "d05_source_type_to_string",
            rows: """
                id    | t     | n
                true  | true  | 100000000000000000000
                false | false | 0.5
                """,
            // The printer passes the source type to cloudact_cast (Docs/SQLITE.md D5, last paragraph).
            pins: [("true", "s1", "'true'"), ("false", "s1", "'false'"), ("true", "s2", "'100000000000000000000'"), ("false", "s2", "'0.5'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: CAST(c.t AS STRING)
              s2: CAST(c.n AS STRING)
            """),
        Probe(
            "D5", "d05_numeric_digits_to_string",
            rows: """
                id     | n
                digits | 123456789.123456789
                """,
            // 18 significant digits: the NUMERIC's exact text in BigQuery, the nearest double's in the engine (D2).
            expect: .differ([CellDifference(row: "digits", column: "s1", bigQuery: "'123456789.123456789'", sqlite: "'123456789.12345679'")]),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: CAST(c.n AS STRING)
            """),
        Probe(
            "D5", "d05_exponent_tie",
            rows: """
                id  | s
                tie | 5e-10
                dec | 0.0000000005
                """,
            // The documented quirk of ZetaSQL's reference: a tie at the tenth decimal written with an exponent rounds
            // to 0 there and away from zero in the engine (within NUMERIC's tolerance of 1e-9, so only the text shows it).
            expect: .differ([CellDifference(row: "tie", column: "n1", bigQuery: "0", sqlite: "1e-09")]),
            pins: [("dec", "n1", "0.000000001")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              n1: CAST(c.s AS NUMERIC)
            """),
    ]

    // MARK: D6 LIKE, D7 collation, D8 case mapping, D9 TRIM / SUBSTR / STARTS_WITH

    static let strings: [Probe] = [
        Probe(
            "D6", "d06_like",
            rows: #"""
                id      | s    | s2
                case    | abc  | ABC
                prefix  | abc  | a%
                under   | é    | _
                percent | 'a%b'| 'a%b'
                null    | NULL | a%
                """#,
            pins: [("case", "t1", "FALSE"), ("under", "t1", "TRUE"), ("null", "t1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.s LIKE c.s2
              t2: c.s NOT LIKE c.s2
            """),
        Probe(
            "D6", "d06_like_backslash",
            rows: #"""
                id        | s        | s2
                escaped   | a_b      | 'a\\_b'
                literal   | 'a\\xb'  | 'a\\_b'
                percent   | '50%'    | '50\\%'
                backslash | 'a\\b'   | 'a\\\\b'
                """#,
            // The printer adds ESCAPE '\' on SQLite, so a backslash escapes as in BigQuery.
            pins: [("escaped", "t1", "TRUE"), ("literal", "t1", "FALSE"), ("percent", "t1", "TRUE"), ("backslash", "t1", "TRUE")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.s LIKE c.s2
            """),
        Probe(
            "D7", "d07_compare",
            rows: #"""
                id     | s          | s2
                case   | Z          | a
                case2  | a          | B
                astral | '\u{FF21}' | '\u{1F600}'
                nfc    | 'é'        | 'e\u{301}'
                """#,
            pins: [("case", "t1", "TRUE"), ("case2", "t1", "FALSE"), ("astral", "t1", "TRUE"), ("nfc", "t2", "FALSE")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.s < c.s2
              t2: c.s = c.s2
              t3: c.s BETWEEN 'A' AND 'z'
            """),
        Probe(
            "D7", "d07_min_max",
            rows: #"""
                id | s
                a  | b
                b  | B
                c  | é
                d  | Z
                e  | '\u{1F600}'
                f  | '\u{FF21}'
                """#,
            pins: [("d07_min_max", "s1", "'B'"), ("d07_min_max", "s2", "'😀'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              s1: MIN(c.s)
              s2: MAX(c.s)
            """),
        Probe(
            "D8", "d08_case_mapping",
            rows: #"""
                id     | s
                sigma  | ΟΔΟΣ
                dotted | İ
                sharp  | ß
                iota   | ᾳ
                dz     | ǅ
                ascii  | MiXeD
                """#,
            pins: [("sigma", "s1", "'οδος'"), ("sharp", "s2", "'SS'"), ("iota", "s2", "'ΑΙ'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: LOWER(c.s)
              s2: UPPER(c.s)
            """),
        Probe(
            "D9", "d09_trim_substr",
            rows: #"""
                id       | s                           | s2            | i   | i2
                nbsp     | '\u{A0} x \u{3000}'         | 'e\u{301}x'   | 2   | 1
                zwsp     | '\u{200B}x\u{200B}'         | hello         | 0   | 2
                controls | '\t\n\r x \u{B}\u{C}\u{85}' | hello         | -3  | 2
                us       | '\u{1F}x'                   | hello         | -10 | 2
                long     | x                           | hello         | 3   | 100
                """#,
            pins: [("nbsp", "s1", "'x'"), ("zwsp", "s1", "'\u{200B}x\u{200B}'"), ("nbsp", "s2", "'\u{301}'"), ("zwsp", "s2", "'he'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: TRIM(c.s)
              s2: SUBSTR(c.s2, c.i, c.i2)
              s3: SUBSTR(c.s2, c.i)
              t1: STARTS_WITH(c.s2, 'e')
              t2: STARTS_WITH(c.s2, c.s)
            """),
        Probe(
            "D9", "d09_substr_negative_length", rows: "id | s | i\nneg | hello | -1",
            expect: .bothFail(bigQuery: "Third argument in SUBSTR() cannot be negative", sqlite: "Third argument in SUBSTR() cannot be negative"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: SUBSTR(c.s, 1, c.i)
            """),
    ]

    // MARK: D11 regular expressions

    static let regex: [Probe] = [
        Probe(
            "D11", "d11_re2_semantics",
            rows: #"""
                id       | s              | s2
                digit    | ٣              | '\\d'
                word     | é              | '\\w'
                space    | '\u{A0}'       | '\\s'
                vtab     | '\u{B}'        | '\\s'
                dollar   | 'a\n'          | 'a$'
                dot_cr   | '\r'           | '^.$'
                dot_ls   | '\u{2028}'     | '^.$'
                dot_nl   | '\n'           | '^.$'
                posix    | é              | '[[:alpha:]]'
                class    | '&'            | '[a&&b]'
                bracket  | ']'            | '[]a]'
                octal    | a              | '\\141'
                brace    | 'a{,2}'        | 'a{,2}'
                named    | ab             | '(?P<x>a)b'
                fold     | K              | '(?i)\u{212A}'
                multi    | 'x\na'         | '(?m)^a$'
                """#,
            pins: [("digit", "t1", "FALSE"), ("word", "t1", "FALSE"), ("dollar", "t1", "FALSE"), ("dot_cr", "t1", "TRUE"), ("class", "t1", "TRUE")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: REGEXP_CONTAINS(c.s, c.s2)
            """),
        Probe(
            "D11", "d11_extract",
            rows: #"""
                id       | s     | s2
                group    | abc   | '(b)c'
                whole    | abc   | 'b.'
                optional | abc   | '(x)?c'
                nomatch  | abc   | 'z'
                """#,
            pins: [("group", "s1", "'b'"), ("optional", "s1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: REGEXP_EXTRACT(c.s, c.s2)
            """),
        Probe(
            "D11", "d11_case_folding",
            rows: #"""
                id    | s   | s2
                sharp | ß   | '(?i)ss'
                upper | SS  | '(?i)ß'
                """#,
            expect: .differ([
                CellDifference(row: "sharp", column: "t1", bigQuery: "FALSE", sqlite: "TRUE"),
                CellDifference(row: "upper", column: "t1", bigQuery: "FALSE", sqlite: "TRUE"),
            ]),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: REGEXP_CONTAINS(c.s, c.s2)
            """),
        Probe(
            "D11", "d11_lookahead", rows: "id | s | s2\nx | a | '(?=a)'",
            expect: .bothFail(bigQuery: "Cannot parse regular expression", sqlite: "regular expression"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: REGEXP_CONTAINS(c.s, c.s2)
            """),
        Probe(
            "D11", "d11_two_groups", rows: "id | s | s2\nx | ab | '(a)(b)'",
            expect: .bothFail(
                bigQuery: "Regular expressions passed into extraction functions must not have more than 1 capturing group",
                sqlite: "Regular expressions passed into extraction functions must not have more than 1 capturing group"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: REGEXP_EXTRACT(c.s, c.s2)
            """),
        Probe(
            "D11", "d11_ungreedy_flag", rows: "id | s | s2\nx | aaa | '(?U)a+'",
            expect: .onlySQLiteFails("(?U)"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: REGEXP_EXTRACT(c.s, c.s2)
            """),
    ]

    // MARK: D12 JSON

    static let json: [Probe] = [
        Probe(
            "D12", "d12_json_object",
            rows: #"""
                id     | s           | i  | d          | n
                order  | 'q"uote\n'  | 1  | 2024-02-29 | 7
                null   | NULL        | NULL | NULL     | NULL
                """#,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              j1: JSON_OBJECT('b', c.i, 'a', c.s, 'date', c.d, 'n', c.n)
            """),
        Probe(
            "D12", "d12_json_differences",
            rows: """
                id  | i | i2 | t    | ts                     | f   | f2
                row | 1 | 2  | true | 2024-01-01 10:00:00+00 | 0.1 | 0.2
                """,
            expect: .differ([
                CellDifference(row: "row", column: "j1", bigQuery: #"{"k":1}"#, sqlite: #"{"k":1,"k":2}"#),
                CellDifference(row: "row", column: "j2", bigQuery: #"{"t":true}"#, sqlite: #"{"t":1}"#),
                CellDifference(row: "row", column: "j3", bigQuery: #"{"ts":"2024-01-01T10:00:00Z"}"#, sqlite: #"{"ts":"2024-01-01T10:00:00.000000Z"}"#),
                CellDifference(row: "row", column: "j4", bigQuery: #"{"f":0.30000000000000004}"#, sqlite: #"{"f":0.3}"#),
            ]),
            // JSON cells are compared as parsed values (member order ignored, duplicates kept, numbers by value).
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              j1: JSON_OBJECT('k', c.i, 'k', c.i2)
              j2: JSON_OBJECT('t', c.t)
              j3: JSON_OBJECT('ts', c.ts)
              j4: JSON_OBJECT('f', c.f + c.f2)
            """),
    ]
}
