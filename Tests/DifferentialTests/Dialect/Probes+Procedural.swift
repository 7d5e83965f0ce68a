extension Probes {
    // MARK: D19 MERGE, D20 ASSERT, D21 NULLs, D24 transactions

    static let procedural: [Probe] = [
        Probe(
            "D21", "d21_three_valued_logic",
            rows: """
                id    | i    | i2   | s    | t
                both  | 1    | 1    | x    | true
                left  | NULL | 1    | NULL | NULL
                none  | NULL | NULL | y    | false
                """,
            pins: [("left", "t1", "NULL"), ("none", "t2", "NULL"), ("left", "s1", "'else'")],
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              t1: c.i = c.i2
              t2: c.i2 NOT IN (2, c.i)
              t3: NOT c.t OR c.i IS NULL
              s1: CASE c.s WHEN NULL THEN 'null' WHEN 'x' THEN 'x' ELSE 'else' END
              s2: CASE WHEN c.i > 0 THEN 'positive' ELSE 'not' END
              i1: COALESCE(c.i, c.i2, -1)
              i2: IF(c.t, 1, 0)
            """),
        Probe(
            "D21", "d21_null_groups",
            rows: """
                id | s    | i    | n
                a  | NULL | NULL | NULL
                b  | NULL | 2    | NULL
                c  | x    | 3    | 1.5
                """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            group_by: [c.s]
            select:
              probe: $PROBE
              id: c.s
              i1: COUNT(*)
              i2: COUNT(c.i)
              i3: SUM(c.i)
              n1: SUM(c.n)
              n2: AVG(c.n)
              s1: MAX(c.id)
              t1: COUNTIF(c.i > 1) = 1
            """),
        Probe(
            "D20", "d20_assert_false",
            rows: """
                id  | i
                ok  | 1
                bad | -1
                """,
            expect: .bothFail(bigQuery: "negative i", sqlite: "negative i"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: c.i
            checks:
              - expect: c.i > 0
                message: negative i
            """),
        Probe(
            "D20", "d20_assert_null",
            rows: """
                id   | i
                null | NULL
                """,
            expect: .bothFail(bigQuery: "i is required", sqlite: "i is required"),
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: c.i
            checks:
              - expect: c.i > 0
                message: i is required
            """),
        Probe(
            "D20", "d20_assert_true",
            rows: """
                id | i
                ok | 1
                """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP
            select:
              probe: $PROBE
              id: c.id
              i1: c.i
            checks:
              - expect: c.i > 0
                message: never
            """),
        Probe(
            "D19", "d19_merge_unique_keys",
            rows: """
                id       | i
                u-update | 10
                u-insert | 20
                u-null   | NULL
                """,
            tables: [
                FixtureTable(
                    "acme_prod.probe_merge", defaults: Defaults.loaded(runDate: "2023-12-31"),
                    """
                    k        | v
                    u-update | 1
                    u-keep   | 2
                    """)
            ],
            """
            into: probe_merge
            mode: merge
            key: [k]
            from: probe_in c
            where: c.grp = $GROUP
            select:
              k: c.id
              v: c.i
            """),
        Probe(
            "D19", "d19_merge_duplicate_source_rows",
            rows: """
                id    | i
                d-dup | 1
                d-dup | 2
                """,
            expect: .onlyBigQueryFails("UPDATE/MERGE must match at most one source row for each target row"),
            tables: [
                FixtureTable(
                    "acme_prod.probe_merge", defaults: Defaults.loaded(runDate: "2023-12-31"),
                    """
                    k     | v
                    d-dup | 0
                    """)
            ],
            """
            into: probe_merge
            mode: merge
            key: [k]
            from: probe_in c
            where: c.grp = $GROUP
            select:
              k: c.id
              v: c.i
            """),
        Probe(
            "D24", "d24_partial_failure",
            rows: """
                id     | i | i2
                first  | 1 | 1
                second | 1 | 0
                """,
            expect: .bothFail(bigQuery: "division by zero", sqlite: "division by zero"),
            """
            into: probe_replace
            mode: replace
            from: probe_in c
            where: c.grp = $GROUP AND c.id = 'first'
            select:
              id: c.id
              f1: c.i / c.i2
            """,
            """
            into: probe_out
            mode: append
            from: probe_in c
            where: c.grp = $GROUP AND c.id = 'second'
            select:
              probe: $PROBE
              id: c.id
              f1: c.i / c.i2
            """),
    ]
}
