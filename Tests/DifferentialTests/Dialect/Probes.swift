/// The probes of the entries of Docs/SQLITE.md that concern computed values. Each probe is a procedure in the DSL,
/// compiled for BigQuery (run on ZetaSQL's reference engine) and for SQLite (run on the embedded engine), with its
/// input rows and the answer Docs/SQLITE.md documents: the engines agree, or they differ exactly as written there.
enum Probes {
    static let all: [Probe] = storage + numbers + casts + strings + regex + json + dates + timestamps + procedural

    // MARK: D1 storage

    static let storage: [Probe] = [
        Probe(
            "D1", "d01_roundtrip",
            rows: #"""
                id       | s            | i                    | n                                         | b                 | f                       | t     | d          | ts
                min      | ''           | -9223372036854775808 | -99999999999999999999999999999.999999999  | -0.00000000000000000000000000000000000001 | -1.7976931348623157e308 | false | 0001-01-01 | 0001-01-01 00:00:00+00
                max      | '\u{10FFFF}' | 9223372036854775807  | 99999999999999999999999999999.999999999   | 123456789012345678901234567.123456789 | 5e-324      | true  | 9999-12-31 | 9999-12-31 23:59:59.999999+00
                unicode  | 'é e\u{301} 😀 \n\t"'  | 0     | 0.000000001                               | 1e-38             | 0.1                     | NULL  | 2024-02-29 | 2024-02-29 12:34:56.5+00
                nulls    | NULL         | NULL                 | NULL                                      | NULL              | NULL                    | NULL  | NULL       | NULL
                """#,
            pins: [("min", "s1", "''"), ("max", "i1", "9223372036854775807"), ("max", "d1", "9999-12-31")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: c.s
              i1: c.i
              n1: c.n
              b1: c.b
              f1: c.f
              t1: c.t
              d1: c.d
              ts1: c.ts
            """),
        Probe(
            "D1", "d01_order",
            rows: """
                id | s   | d          | ts
                a  | b   | 2024-02-29 | 2024-02-29 23:59:59.999999+00
                b  | B   | 0001-01-01 | 2024-03-01 00:00:00+00
                c  | é   | 9999-12-31 | 1970-01-01 00:00:00+00
                d  | NULL| NULL       | NULL
                """,
            pins: [("d01_order", "d1", "0001-01-01"), ("d01_order", "ts1", "2024-03-01T00:00:00.000000Z")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              d1: MIN(c.d)
              d2: MAX(c.d)
              ts1: MAX(c.ts)
              s1: MIN(c.s)
              s2: MAX(c.s)
              i1: COUNT(c.d)
            """),
    ]

    // MARK: D2 decimals, D3 INT64 overflow, D4 division, D10 NaN, D22 ROUND, D23

    static let numbers: [Probe] = [
        Probe(
            "D2", "d02_decimals",
            rows: """
                id     | n           | n2   | b                        | i
                third  | 1           | 3    | 1                        | 3
                cents  | 33333333.33 | 3    | 87.5                     | 31
                tiny   | 0.000000001 | 2    | 0.0000000375             | 3
                """,
            // NUMERIC division rounds to 9 decimals in BigQuery and not in the engine: within NUMERIC's tolerance.
            pins: [("third", "n1", "0.333333333"), ("cents", "n2", "99999999.99"), ("tiny", "n1", "0.000000001")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              n1: c.n / c.n2
              n2: c.n * c.n2
              b1: c.b * c.i / c.n2
            """),
        Probe(
            "D2", "d02_sum",
            rows: """
                id | n
                a  | 0.1
                b  | 0.2
                c  | 19999999.99
                d  | 0.01
                """,
            pins: [("d02_sum", "n1", "20000000.3")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              n1: SUM(c.n)
              n2: AVG(c.n)
            """),
        Probe(
            "D2", "d02_equality",
            rows: """
                id  | n   | n2
                sum | 0.1 | 0.2
                """,
            expect: .differ([CellDifference(row: "sum", column: "t1", bigQuery: "TRUE", sqlite: "FALSE")]),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.n + c.n2 = 0.3
            """),
        Probe(
            "D3", "d03_stored_overflow",
            rows: """
                id  | i
                max | 9223372036854775807
                """,
            expect: .bothFail(bigQuery: "int64 overflow", sqlite: "cannot store REAL value in INTEGER column"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: c.i + 1
            """),
        Probe(
            "D3", "d03_compared_overflow",
            rows: """
                id  | i
                max | 9223372036854775807
                """,
            expect: .onlyBigQueryFails("int64 overflow"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.i * 2 > 0
            """),
        Probe(
            "D3", "d03_div_overflow",
            rows: """
                id  | i                    | i2
                min | -9223372036854775808 | -1
                """,
            expect: .bothFail(bigQuery: "overflow", sqlite: "int64 overflow"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: DIV(c.i, c.i2)
            """),
        Probe(
            "D3", "d03_mod_min",
            rows: """
                id  | i                    | i2
                min | -9223372036854775808 | -1
                """,
            pins: [("min", "i1", "0")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: MOD(c.i, c.i2)
            """),
        Probe(
            "D3", "d03_sum_overflow",
            rows: """
                id | i
                a  | 9223372036854775807
                b  | 1
                """,
            expect: .bothFail(bigQuery: "overflow", sqlite: "integer overflow"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              i1: SUM(c.i)
            """),
        Probe(
            "D4", "d04_division",
            rows: """
                id | i  | i2 | n   | n2
                a  | 7  | 2  | 1   | 3
                b  | -7 | 2  | -1  | 8
                c  | 7  | -2 | 10  | 4
                d  | 0  | 5  | 0   | 7
                """,
            pins: [("a", "f1", "3.5"), ("b", "i1", "-3"), ("b", "i2", "-1"), ("c", "i2", "1")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: c.i / c.i2
              i1: DIV(c.i, c.i2)
              i2: MOD(c.i, c.i2)
              f2: SAFE_DIVIDE(c.i, c.i2)
              n1: c.n / c.n2
              n2: SAFE_DIVIDE(c.n, c.n2)
            """),
        Probe(
            "D4", "d04_safe_divide_zero",
            rows: """
                id   | i | i2 | n | n2 | f
                zero | 7 | 0  | 1 | 0  | 1e308
                null | 7 | NULL | NULL | 1 | NULL
                """,
            pins: [("zero", "f1", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: SAFE_DIVIDE(c.i, c.i2)
              n1: SAFE_DIVIDE(c.n, c.n2)
              f2: SAFE_DIVIDE(c.f, 0.000000001)
            """),
        Probe(
            "D4", "d04_float_overflow", rows: "id | f | f2\nbig | 1e308 | 1e-308",
            // The native division of the printer gives inf (Docs/SQLITE.md D4); BigQuery raises.
            expect: .onlyBigQueryFails("double overflow"), sqlitePins: [("big", "f1", "inf")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: c.f / c.f2
            """),
        Probe(
            "D4", "d04_divide_by_zero", rows: "id | i | i2\nz | 7 | 0",
            expect: .bothFail(bigQuery: "division by zero: 7 / 0", sqlite: "division by zero: 7 / 0"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: c.i / c.i2
            """),
        Probe(
            "D4", "d04_numeric_divide_by_zero", rows: "id | n | n2\nz | 1.5 | 0",
            expect: .bothFail(bigQuery: "division by zero", sqlite: "division by zero"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              n1: c.n / c.n2
            """),
        Probe(
            "D4", "d04_div_by_zero", rows: "id | i | i2\nz | 7 | 0",
            expect: .bothFail(bigQuery: "division by zero", sqlite: "division by zero"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: DIV(c.i, c.i2)
            """),
        Probe(
            "D4", "d04_mod_by_zero", rows: "id | i | i2\nz | 7 | 0",
            expect: .bothFail(bigQuery: "division by zero: MOD(7, 0)", sqlite: "division by zero: MOD(7, 0)"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: MOD(c.i, c.i2)
            """),
        Probe(
            "D10", "d10_infinity",
            rows: """
                id   | s
                inf  | inf
                ninf | -Infinity
                big  | 1e400
                """,
            pins: [("big", "f1", "inf")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: SAFE_CAST(c.s AS FLOAT64)
              t1: SAFE_CAST(c.s AS FLOAT64) > 0
            """),
        Probe(
            "D10", "d10_nan",
            rows: """
                id  | s
                nan | nan
                """,
            expect: .differ([
                CellDifference(row: "nan", column: "f1", bigQuery: "nan", sqlite: "NULL"),
                CellDifference(row: "nan", column: "t1", bigQuery: "FALSE", sqlite: "TRUE"),
            ]),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: SAFE_CAST(c.s AS FLOAT64)
              t1: SAFE_CAST(c.s AS FLOAT64) IS NULL
            """),
        Probe(
            "D22", "d22_round_numeric",
            rows: """
                id   | n     | i
                tie  | 2.675 | 7
                tie2 | 1.005 | -7
                neg  | -2.5  | 2
                """,
            pins: [("tie", "n1", "2.68"), ("tie2", "n1", "1.01"), ("neg", "n2", "-3")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              n1: ROUND(c.n, 2)
              n2: ROUND(c.n)
              f1: ROUND(c.i)
            """),
        Probe(
            "D22", "d22_round_float",
            rows: """
                id   | f
                tie  | 2.675
                tie2 | 1.005
                neg  | -2.5
                """,
            expect: .differ([
                CellDifference(row: "tie", column: "f1", bigQuery: "2.67", sqlite: "2.68"),
                CellDifference(row: "tie2", column: "f1", bigQuery: "1", sqlite: "1.01"),
            ]),
            pins: [("neg", "f2", "-3")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: ROUND(c.f, 2)
              f2: ROUND(c.f)
            """),
        Probe(
            "D22", "d22_round_negative_digits",
            rows: """
                id   | f     | n
                tens | 123.4 | 155
                """,
            expect: .differ([
                CellDifference(row: "tens", column: "f1", bigQuery: "120", sqlite: "123.0"),
                CellDifference(row: "tens", column: "n1", bigQuery: "160", sqlite: "155.0"),
            ]),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              f1: ROUND(c.f, -1)
              n1: ROUND(c.n, -1)
            """),
        Probe(
            "D23", "d23_least_greatest",
            rows: """
                id    | i  | i2   | n    | s
                both  | 3  | -4   | 2.5  | x
                null  | 3  | NULL | NULL | NULL
                """,
            pins: [("both", "i1", "-4"), ("null", "i2", "NULL")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: LEAST(c.i, c.i2)
              i2: GREATEST(c.i, c.i2)
              n1: LEAST(c.n, c.i)
              n2: GREATEST(c.n)
              s1: COALESCE(c.s, 'default')
              s2: IFNULL(c.s, 'default')
              s3: NULLIF(c.s, 'x')
            """),
        Probe(
            "D23", "d23_coalesce_one_argument",
            rows: """
                id   | s
                a    | x
                null | NULL
                """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              s1: COALESCE(c.s)
            """),
        Probe(
            "D23", "d23_any_value",
            rows: """
                id | s    | i
                a  | same | 1
                b  | same | 1
                """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.grp]
            select:
              probe: $PROBE
              id: c.grp
              s1: ANY_VALUE(c.s)
              i1: ANY_VALUE(c.i)
            """),
    ]
}
