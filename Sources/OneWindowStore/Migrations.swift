import Foundation
internal import GRDB

/// Named, forward-only migrations, the same on both stores. Never edit one that has shipped; add
/// a new one. The SQL is SQLite's; ``PostgresMigrations`` translates its types and triggers.
enum Migrations {
  /// One migration: its name, its SQL, and any step that needs code.
  struct Step: Sendable {
    var name: String
    var sql: String
    var then: (@Sendable (RegistryTransaction) throws -> Void)?
  }

  static var steps: [Step] {
    var steps: [Step] = []
    steps.append(Step(name: "v1: packets, receipts, audit log, counters", sql: """
          CREATE TABLE packet (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sha256 TEXT NOT NULL,
            family TEXT,
            root TEXT,
            source TEXT NOT NULL,
            size INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            received_at TEXT NOT NULL,
            operation TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            outcome TEXT NOT NULL
          );
          CREATE INDEX packet_sha256 ON packet(sha256);
          CREATE TABLE packet_attachment (
            packet_id INTEGER NOT NULL REFERENCES packet(id),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY (packet_id, file_name)
          );
          CREATE TABLE receipt (
            number TEXT PRIMARY KEY,
            issued_at TEXT NOT NULL,
            operation TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            packet_id INTEGER REFERENCES packet(id),
            outcome TEXT NOT NULL,
            subject TEXT,
            due_on TEXT,
            saved_count INTEGER,
            saved_percent REAL,
            resubmits TEXT,
            body TEXT NOT NULL,
            audit_sequence INTEGER NOT NULL,
            audit_head TEXT NOT NULL,
            document TEXT NOT NULL
          );
          CREATE INDEX receipt_subject ON receipt(subject);
          CREATE TABLE audit_event (
            sequence INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
          );
          CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
          CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
          CREATE TABLE counter (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
          );
          """))
    steps.append(Step(name: "v2: pre-filings, units, proofs, tenancies", sql: """
          CREATE TABLE prefiling (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number TEXT UNIQUE,
            status TEXT NOT NULL,
            owner_name TEXT NOT NULL,
            owner_identity TEXT NOT NULL,
            premises_name TEXT NOT NULL,
            address TEXT NOT NULL,
            multi_licence_mode TEXT,
            building_materials INTEGER NOT NULL,
            valid_from TEXT,
            valid_until TEXT,
            version INTEGER NOT NULL,
            submitted_receipt TEXT NOT NULL UNIQUE,
            submitted_by_role TEXT NOT NULL,
            submitted_by_id TEXT NOT NULL,
            decided_by TEXT,
            reason TEXT,
            updated_at TEXT NOT NULL
          );
          CREATE TABLE prefiling_version (
            prefiling_id INTEGER NOT NULL REFERENCES prefiling(id),
            version INTEGER NOT NULL,
            packet_id INTEGER NOT NULL REFERENCES packet(id),
            receipt_number TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (prefiling_id, version)
          );
          CREATE TABLE unit (
            prefiling_id INTEGER NOT NULL REFERENCES prefiling(id),
            unit_id TEXT NOT NULL,
            floor TEXT NOT NULL,
            room TEXT NOT NULL,
            area REAL NOT NULL,
            planned_use TEXT NOT NULL,
            capacity INTEGER NOT NULL,
            features TEXT NOT NULL,
            has_consent INTEGER NOT NULL,
            proof_materials INTEGER NOT NULL,
            added_in INTEGER NOT NULL,
            retired_in INTEGER,
            PRIMARY KEY (prefiling_id, unit_id)
          );
          CREATE TABLE proof (
            prefiling_id INTEGER NOT NULL REFERENCES prefiling(id),
            proof_id TEXT NOT NULL,
            type TEXT NOT NULL,
            number TEXT NOT NULL,
            planned_use TEXT NOT NULL,
            covers TEXT NOT NULL,
            material_file TEXT NOT NULL,
            added_in INTEGER NOT NULL,
            replaced_in INTEGER,
            PRIMARY KEY (prefiling_id, proof_id, added_in)
          );
          CREATE TABLE tenancy (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            prefiling_id INTEGER NOT NULL REFERENCES prefiling(id),
            unit_id TEXT NOT NULL,
            tenant_name TEXT NOT NULL,
            tenant_identity TEXT,
            activity TEXT NOT NULL,
            term_start TEXT NOT NULL,
            term_end TEXT NOT NULL,
            registered_on TEXT NOT NULL,
            receipt_number TEXT NOT NULL,
            bundle_number TEXT,
            ended_on TEXT
          );
          CREATE INDEX tenancy_unit ON tenancy(prefiling_id, unit_id);
          """))
    steps.append(Step(name: "v3: bundles, tracks, licences", sql: """
          CREATE TABLE bundle (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            operator_name TEXT NOT NULL,
            operator_identity TEXT NOT NULL,
            business_name TEXT NOT NULL,
            uscc TEXT,
            food_licence TEXT,
            prefiling_number TEXT,
            unit_id TEXT,
            changed_fields TEXT NOT NULL,
            inspection_needed INTEGER NOT NULL,
            accepted_on TEXT NOT NULL,
            clock_start TEXT NOT NULL,
            due_on TEXT NOT NULL,
            issued_on TEXT,
            working_days_taken INTEGER,
            packet_id INTEGER NOT NULL REFERENCES packet(id),
            receipt_number TEXT NOT NULL,
            submitted_by_role TEXT NOT NULL,
            submitted_by_id TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );
          CREATE INDEX bundle_uscc ON bundle(uscc);
          CREATE TABLE bundle_track (
            bundle_id INTEGER NOT NULL REFERENCES bundle(id),
            track TEXT NOT NULL,
            status TEXT NOT NULL,
            decided_by TEXT,
            decided_on TEXT,
            reasons TEXT NOT NULL,
            decision_packet_id INTEGER REFERENCES packet(id),
            PRIMARY KEY (bundle_id, track)
          );
          CREATE TABLE licence (
            uscc TEXT PRIMARY KEY,
            food_licence_number TEXT NOT NULL UNIQUE,
            active INTEGER NOT NULL,
            name TEXT NOT NULL,
            operator_name TEXT NOT NULL,
            operator_identity TEXT NOT NULL,
            food_items TEXT NOT NULL,
            premises TEXT NOT NULL,
            bundle_number TEXT NOT NULL,
            registered_on TEXT NOT NULL,
            food_valid_from TEXT NOT NULL,
            food_valid_until TEXT NOT NULL,
            ended_on TEXT
          );
          """))
    steps.append(Step(name: "v4: issued numbers, bundle versions, inspections, licence details", sql: """
          CREATE TABLE issued_number (
            number TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            bundle_number TEXT NOT NULL,
            issued_on TEXT NOT NULL
          );
          CREATE TABLE bundle_packet (
            bundle_id INTEGER NOT NULL REFERENCES bundle(id),
            version INTEGER NOT NULL,
            packet_id INTEGER NOT NULL REFERENCES packet(id),
            receipt_number TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (bundle_id, version)
          );
          ALTER TABLE bundle ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
          ALTER TABLE bundle ADD COLUMN issuance_packet_id INTEGER REFERENCES packet(id);
          ALTER TABLE bundle_track ADD COLUMN inspected_on TEXT;
          ALTER TABLE bundle_track ADD COLUMN inspectors TEXT NOT NULL DEFAULT '';
          ALTER TABLE bundle_track ADD COLUMN inspection_result TEXT;
          ALTER TABLE licence ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
          CREATE INDEX bundle_status ON bundle(status, due_on);
          """))
    steps.append(Step(name: "v5: what issuance needs, recorded at acceptance", sql: "ALTER TABLE bundle ADD COLUMN issuance_basis TEXT;"))
    steps.append(Step(name: "v6: recorded times, the state ledger, duplicate lookups, provisional dates", sql: """
          ALTER TABLE audit_event ADD COLUMN recorded_at TEXT;
          ALTER TABLE receipt ADD COLUMN recorded_at TEXT;
          ALTER TABLE receipt ADD COLUMN business_date TEXT;
          ALTER TABLE receipt ADD COLUMN backdated INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE state_record (
            audit_sequence INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            digest TEXT NOT NULL,
            PRIMARY KEY (audit_sequence, table_name, row_key)
          );
          CREATE TRIGGER state_record_no_update BEFORE UPDATE ON state_record
            BEGIN SELECT RAISE(ABORT, 'the state ledger is append-only'); END;
          CREATE TRIGGER state_record_no_delete BEFORE DELETE ON state_record
            BEGIN SELECT RAISE(ABORT, 'the state ledger is append-only'); END;
          ALTER TABLE proof ADD COLUMN issuer TEXT;
          CREATE INDEX proof_number ON proof(number);
          CREATE INDEX prefiling_address ON prefiling(address);
          ALTER TABLE bundle ADD COLUMN premises_key TEXT;
          ALTER TABLE bundle ADD COLUMN trade_name TEXT;
          ALTER TABLE bundle ADD COLUMN industry TEXT;
          ALTER TABLE bundle ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE bundle ADD COLUMN working_days_provisional INTEGER NOT NULL DEFAULT 0;
          UPDATE bundle SET premises_key = prefiling_number || '#' || unit_id WHERE prefiling_number IS NOT NULL;
          CREATE INDEX bundle_operator ON bundle(operator_identity);
          CREATE INDEX bundle_premises ON bundle(premises_key);
          CREATE INDEX bundle_trade ON bundle(trade_name, industry);
          CREATE INDEX bundle_provisional ON bundle(due_provisional, working_days_provisional)
            WHERE due_provisional = 1 OR working_days_provisional = 1;
          """,
      then: { transaction in
      // A registry from before the ledger: its rows as they are now are the baseline, recorded
      // by one event, so later changes outside OneWindow are still found.
      let state = try transaction.currentState()
      if !state.isEmpty {
        let now = RecordedTime.now()
        let head = try transaction.appendAudit(
          at: now, recordedAt: now, actorRole: "SYSTEM", actorID: "onewindow", action: "registry.baseline",
          subject: "-", detail: "rows=\(state.count); state=\(StateLedger.summary(state))")
        try transaction.insertStateRecords(state, sequence: head.sequence)
      }
    }))
    steps.append(Step(name: "v7: accounts and API tokens", sql: """
          CREATE TABLE account (
            username TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            identity TEXT NOT NULL,
            identity_type TEXT NOT NULL,
            name TEXT NOT NULL,
            roles TEXT NOT NULL,
            service_centre TEXT,
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );
          CREATE INDEX account_identity ON account(kind, identity);
          CREATE TABLE api_token (
            token_hash TEXT PRIMARY KEY,
            username TEXT NOT NULL REFERENCES account(username),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
          );
          CREATE INDEX api_token_user ON api_token(username);
          """))
    steps.append(Step(name: "v8: simplified cancellations pushed to other departments", sql: """
          CREATE TABLE cancellation_period (
            bundle_id INTEGER PRIMARY KEY REFERENCES bundle(id),
            pushed_on TEXT NOT NULL,
            objection_until TEXT NOT NULL,
            objected_on TEXT,
            department TEXT,
            reason TEXT,
            recorded_by TEXT,
            receipt_number TEXT
          );
          """))
    steps.append(Step(name: "v9: bundles of any definition and the permits they issue", sql: """
          CREATE TABLE bundle_definition (
            bundle_id INTEGER PRIMARY KEY REFERENCES bundle(id),
            definition TEXT NOT NULL,
            definition_version INTEGER NOT NULL
          );
          CREATE TABLE permit (
            number TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            track TEXT NOT NULL,
            bundle_number TEXT NOT NULL,
            holder_name TEXT NOT NULL,
            holder_identity TEXT NOT NULL,
            subject TEXT NOT NULL,
            place TEXT NOT NULL,
            uscc TEXT,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            active INTEGER NOT NULL,
            ended_on TEXT
          );
          CREATE INDEX permit_holder ON permit(holder_identity);
          """))
    return steps
  }

  /// GRDB's migrator over the steps (SQLite).
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for step in steps {
      migrator.registerMigration(step.name) { db in
        try db.execute(sql: step.sql)
        try step.then?(RegistryTransaction(db: SQLiteSession(db: db)))
      }
    }
    return migrator
  }
}

/// The real time, UTC, as recorded on receipts and audit events.
package enum RecordedTime {
  package static func now() -> String {
    let date = Date()
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
    func pad(_ value: Int?, _ width: Int = 2) -> String {
      let text = String(value ?? 0)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    let millis = (parts.nanosecond ?? 0) / 1_000_000
    return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)).\(pad(millis, 3))Z"
  }
}
