using System.Globalization;
using CoRM.Domain.Constituents;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoRM.Benchmarks;

/// <summary>
/// The floor: the same answers as CoRM's services from hand-written SQL on the same file, read with
/// a plain data reader. Each call opens a pooled connection, as a CoRM operation opens a context. On PostgreSQL the
/// same statements run through <see cref="PostgreSqlDialect"/> (quoted names, its date and aggregate functions).
/// </summary>
internal sealed class HandWrittenQueries(string connectionString, bool postgres = false)
{
    private const string AllTopics = "0,1,2,3,4,5,6";

    public IReadOnlyList<int> SearchByName(string folded, int take, int skip = 0)
    {
        using var connection = Open();
        var high = SearchText.PrefixUpperBound(folded);
        // Current records only (a merged record is a pointer), as CoRM's search; ordered by an expression, not the column,
        // so that PostgreSQL sorts the matches of the two range scans rather than walking the SortName index from A.
        const string match = "MergedIntoId IS NULL AND ((SortName >= $lo AND SortName < $hi) OR (SearchName >= $lo AND SearchName < $hi))";
        Scalar(connection, $"SELECT COUNT(*) FROM Constituents WHERE {match}", ("$lo", folded), ("$hi", high));
        return Ids(connection, $"""
            SELECT c.Id, c.DisplayName, c.Kind, c.Email, c.Region,
                   (SELECT group_concat(h.Kind) FROM Hats h WHERE h.ConstituentId = c.Id AND h.StartDate <= date('now') AND (h.EndDate IS NULL OR h.EndDate >= date('now')))
            FROM Constituents c WHERE {match} ORDER BY c.SortName || '', c.Id LIMIT $take OFFSET $skip
            """, ("$lo", folded), ("$hi", high), ("$take", take), ("$skip", skip));
    }

    public IReadOnlyList<int> SearchByEmail(string email)
    {
        using var connection = Open();
        Scalar(connection, "SELECT COUNT(*) FROM Constituents WHERE Email = $e AND MergedIntoId IS NULL", ("$e", email));
        return Ids(connection, "SELECT c.Id, c.DisplayName, (SELECT group_concat(h.Kind) FROM Hats h WHERE h.ConstituentId = c.Id) FROM Constituents c WHERE c.Email = $e AND c.MergedIntoId IS NULL ORDER BY c.SortName, c.Id LIMIT 25", ("$e", email));
    }

    public IReadOnlyList<int> SearchAdvisees(int facultyId, string folded, int take, DateOnly today)
    {
        using var connection = Open();
        var high = SearchText.PrefixUpperBound(folded);
        var sql = """
            FROM Constituents c
            WHERE c.Id IN (SELECT r.SubjectId FROM Relationships r WHERE r.RelatedId = $me AND r.Kind = 6
                           AND r.StartDate <= $today AND (r.EndDate IS NULL OR r.EndDate >= $today))
              AND ((c.SortName >= $lo AND c.SortName < $hi) OR (c.SearchName >= $lo AND c.SearchName < $hi))
            """;
        (string, object)[] args = [("$me", facultyId), ("$today", Date(today)), ("$lo", folded), ("$hi", high)];
        Scalar(connection, "SELECT COUNT(*) " + sql, args);
        return Ids(connection, "SELECT c.Id, c.DisplayName, c.Email " + sql + " ORDER BY c.SortName, c.Id LIMIT " + take.ToString(CultureInfo.InvariantCulture), args);
    }

    /// <summary>Details, hats, relationships, contact points, addresses, channel counts, open follow-ups, the audit row, and a timeline page.</summary>
    public IReadOnlyList<int> Profile(int id, int pageSize, string reader, int[]? topics = null)
    {
        var topicList = topics is null ? AllTopics : string.Join(',', topics);
        using var connection = Open();
        var result = new List<int> { Convert.ToInt32(Scalar(connection, "SELECT Id FROM Constituents WHERE Id = $id", ("$id", id)), CultureInfo.InvariantCulture) };
        result.Add(Rows(connection, "SELECT Kind, StartDate, EndDate FROM Hats WHERE ConstituentId = $id ORDER BY StartDate DESC", ("$id", id)));
        result.Add(Rows(connection, """
            SELECT r.Id, CASE WHEN r.SubjectId = $id THEN r.RelatedId ELSE r.SubjectId END, o.DisplayName, r.Kind
            FROM Relationships r JOIN Constituents o ON o.Id = CASE WHEN r.SubjectId = $id THEN r.RelatedId ELSE r.SubjectId END
            WHERE r.SubjectId = $id OR r.RelatedId = $id ORDER BY r.Kind, r.StartDate
            """, ("$id", id)));
        Rows(connection, "SELECT Kind, Value FROM ContactPoints WHERE ConstituentId = $id ORDER BY IsPrimary DESC, Kind", ("$id", id));
        Rows(connection, "SELECT Street, City FROM Addresses WHERE ConstituentId = $id ORDER BY IsPrimary DESC", ("$id", id));
        var total = 0;
        using (var counts = Command(connection, $"SELECT Channel, COUNT(*) FROM Interactions WHERE ConstituentId = $id AND Topic IN ({topicList}) GROUP BY Channel", ("$id", id)).ExecuteReader())
            while (counts.Read()) total += Int(counts, 1);
        result.Add(total);
        Scalar(connection, $"SELECT COUNT(*) FROM FollowUps WHERE ConstituentId = $id AND CompletedAt IS NULL AND Topic IN ({topicList})", ("$id", id));
        Command(connection, "INSERT INTO AuditEntries (At, UserName, Action, RecordType, RecordId, Detail) VALUES ($at, $who, 0, 'Constituent', $id, 'Profile')",
            ("$at", Stamp(DateTime.UtcNow)), ("$who", reader), ("$id", id.ToString(CultureInfo.InvariantCulture))).ExecuteNonQuery();

        Scalar(connection, $"SELECT COUNT(*) FROM Interactions WHERE ConstituentId = $id AND Topic IN ({topicList})", ("$id", id));
        result.AddRange(Ids(connection, $"""
            SELECT i.Id, i.OccurredAt, i.Channel, i.Topic, i.Subject, i.Notes, (SELECT r.DisplayName FROM Constituents r WHERE r.Id = i.RecordedById)
            FROM Interactions i WHERE i.ConstituentId = $id AND i.Topic IN ({topicList})
            ORDER BY i.OccurredAt DESC, i.Id DESC LIMIT $take
            """, ("$id", id), ("$take", pageSize)));
        return result;
    }

    /// <summary>The advisee dashboard: one page sorted by latest risk, plus each row's last two terms, absences and tuition.</summary>
    public IReadOnlyList<int> AdviseeDashboard(int facultyId, DateOnly today, int take)
    {
        using var connection = Open();
        const string advisees = "FROM Relationships r JOIN Constituents c ON c.Id = r.SubjectId WHERE r.RelatedId = $me AND r.Kind = 6 AND r.StartDate <= $today AND (r.EndDate IS NULL OR r.EndDate >= $today)";
        (string, object)[] args = [("$me", facultyId), ("$today", Date(today)), ("$take", take)];
        Scalar(connection, "SELECT COUNT(*) " + advisees, args);
        var ids = Ids(connection, $"""
            SELECT r.SubjectId, c.DisplayName, c.Email, c.Region, r.StartDate,
              (SELECT MAX(i.OccurredAt) FROM Interactions i WHERE i.ConstituentId = r.SubjectId AND i.Topic IN (0,1,5)),
              (SELECT COUNT(*) FROM FollowUps f WHERE f.ConstituentId = r.SubjectId AND f.CompletedAt IS NULL AND f.Topic IN (0,1,5)),
              (SELECT COUNT(*) FROM FollowUps f WHERE f.ConstituentId = r.SubjectId AND f.CompletedAt IS NULL AND f.DueOn < $today AND f.Topic IN (0,1,5)),
              (SELECT a.Score FROM RiskAssessments a WHERE a.StudentId = r.SubjectId AND a.Method = 0 ORDER BY a.AssessedOn DESC LIMIT 1) AS Score,
              (SELECT a.Band FROM RiskAssessments a WHERE a.StudentId = r.SubjectId AND a.Method = 0 ORDER BY a.AssessedOn DESC LIMIT 1),
              (SELECT a.Factors FROM RiskAssessments a WHERE a.StudentId = r.SubjectId AND a.Method = 0 ORDER BY a.AssessedOn DESC LIMIT 1),
              (SELECT p.Code FROM ProgrammeEnrolments e JOIN Terms t ON t.Id = e.TermId JOIN Programmes p ON p.Id = e.ProgrammeId WHERE e.StudentId = r.SubjectId ORDER BY t.StartsOn DESC LIMIT 1)
            {advisees} ORDER BY Score DESC, c.DisplayName LIMIT $take
            """, args);
        var list = string.Join(',', ids);
        Rows(connection, $"SELECT StudentId, TermId, COUNT(*), SUM(Passed), SUM(Grade IS NOT NULL), AVG(Grade) FROM CourseResults WHERE StudentId IN ({list}) GROUP BY StudentId, TermId");
        Rows(connection, $"SELECT StudentId, TermId, SUM(Absences) FROM AttendanceRecords WHERE StudentId IN ({list}) GROUP BY StudentId, TermId");
        Rows(connection, $"SELECT i.StudentId, i.DueOn, i.Amount, (SELECT SUM(p.Amount) FROM TuitionPayments p WHERE p.InvoiceId = i.Id AND p.PaidOn <= $today) FROM TuitionInvoices i WHERE i.StudentId IN ({list}) AND i.DueOn <= $today", ("$today", Date(today)));
        Rows(connection, $"SELECT e.StudentId, e.EnrolledOn, t.EnrolmentDeadline, p.Code FROM ProgrammeEnrolments e JOIN Terms t ON t.Id = e.TermId JOIN Programmes p ON p.Id = e.ProgrammeId WHERE e.StudentId IN ({list}) AND t.StartsOn <= $today", ("$today", Date(today)));
        return ids;
    }

    /// <summary>Cohort analytics by programme: students, dropouts and high-risk students per programme (counted once each).</summary>
    public IReadOnlyList<int> CohortByProgramme()
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT p.Name, COUNT(DISTINCT e.StudentId),
                   COUNT(DISTINCT CASE WHEN e.Status = 3 THEN e.StudentId END),
                   COUNT(DISTINCT CASE WHEN (SELECT a.Band FROM RiskAssessments a WHERE a.StudentId = e.StudentId AND a.Method = 0 ORDER BY a.AssessedOn DESC LIMIT 1) = 2 THEN e.StudentId END)
            FROM ProgrammeEnrolments e JOIN Programmes p ON p.Id = e.ProgrammeId
            GROUP BY p.Name ORDER BY p.Name
            """);
        using var reader = command.ExecuteReader();
        var values = new List<int>();
        while (reader.Read()) values.AddRange([Int(reader, 1), Int(reader, 2), Int(reader, 3)]);
        return values;
    }

    /// <summary>The month calendar: shifts in a range with their opportunity and confirmed and waitlisted counts.</summary>
    public IReadOnlyList<int> MonthCalendar(DateTime from, DateTime to)
    {
        using var connection = Open();
        return Ids(connection, """
            SELECT s.Id, o.Title, s.StartsAt, s.EndsAt, s.Location, s.Capacity, s.MinimumStaffing,
                   (SELECT COUNT(*) FROM SignUps u WHERE u.ShiftId = s.Id AND u.Status IN (0, 3, 4)),
                   (SELECT COUNT(*) FROM SignUps u WHERE u.ShiftId = s.Id AND u.Status = 1),
                   s.CancelledAt
            FROM Shifts s JOIN Opportunities o ON o.Id = s.OpportunityId
            WHERE s.StartsAt < $to AND s.EndsAt > $from
            ORDER BY s.StartsAt, s.Id
            """, ("$from", Stamp(from)), ("$to", Stamp(to)));
    }

    /// <summary>
    /// The parent dashboard: the family links with the access rule written in SQL (active, not revoked; a minor's
    /// default of enrolment and balance; consent with a basis that has not expired), then the visible children's
    /// enrolments, applications, next deadline, invoices with payments, latest-term grades, and one audit row each.
    /// </summary>
    public IReadOnlyList<int> ParentDashboard(int parentId, DateOnly today, string reader)
    {
        using var connection = Open();
        var visible = new List<(int Id, int Grants)>();
        using (var links = Command(connection, """
            SELECT r.SubjectId,
                   (CASE WHEN r.ConsentBasis <> 0 AND r.RevokedAt IS NULL AND (r.ConsentExpiresOn IS NULL OR r.ConsentExpiresOn >= $today) THEN r.Grants ELSE 0 END)
                 | (CASE WHEN c.BirthDate > date($today, '-18 years') THEN 5 ELSE 0 END) AS Effective
            FROM Relationships r JOIN Constituents c ON c.Id = r.SubjectId
            WHERE r.RelatedId = $p AND r.Kind IN (0, 1) AND r.RevokedAt IS NULL AND r.StartDate <= $today AND (r.EndDate IS NULL OR r.EndDate >= $today)
            ORDER BY c.SortName
            """, ("$p", parentId), ("$today", Date(today))).ExecuteReader())
            while (links.Read())
                if ((Int(links, 1) & 1) == 1) visible.Add((Int(links, 0), Int(links, 1)));
        if (visible.Count == 0) return [];
        var ids = string.Join(',', visible.Select(v => v.Id));
        var balance = string.Join(',', visible.Where(v => (v.Grants & 4) == 4).Select(v => v.Id).DefaultIfEmpty(0));
        var grades = string.Join(',', visible.Where(v => (v.Grants & 2) == 2).Select(v => v.Id).DefaultIfEmpty(0));
        var result = visible.Select(v => v.Id).ToList();
        result.Add(Rows(connection, $"SELECT e.StudentId, t.Name, t.StartsOn, t.EnrolmentDeadline, p.Name, e.Status, e.EnrolledOn FROM ProgrammeEnrolments e JOIN Terms t ON t.Id = e.TermId JOIN Programmes p ON p.Id = e.ProgrammeId WHERE e.StudentId IN ({ids}) ORDER BY t.StartsOn DESC"));
        Rows(connection, $"SELECT a.Id, p.Name, t.Name, a.Stage, a.DepositDueOn FROM AdmissionApplications a JOIN Programmes p ON p.Id = a.ProgrammeId JOIN Terms t ON t.Id = a.TermId WHERE a.ApplicantId IN ({ids}) AND a.Stage <> 8");
        Rows(connection, "SELECT Id, Name, EnrolmentDeadline FROM Terms WHERE EnrolmentDeadline >= $today ORDER BY EnrolmentDeadline LIMIT 1", ("$today", Date(today)));
        result.Add(Rows(connection, $"SELECT i.Id, i.Description, i.Amount, i.DueOn FROM TuitionInvoices i WHERE i.StudentId IN ({balance}) ORDER BY i.DueOn DESC"));
        result.Add(Rows(connection, $"SELECT p.Id, p.PaidOn, p.Amount, p.InvoiceId FROM TuitionPayments p JOIN TuitionInvoices i ON i.Id = p.InvoiceId WHERE i.StudentId IN ({balance})"));
        result.Add(Rows(connection, $"""
            SELECT r.Id, r.StudentId, c.Name, r.Grade, r.Passed FROM CourseResults r JOIN Courses c ON c.Id = r.CourseId
            WHERE r.StudentId IN ({grades})
              AND r.TermId = (SELECT x.TermId FROM CourseResults x JOIN Terms t ON t.Id = x.TermId WHERE x.StudentId = r.StudentId ORDER BY t.StartsOn DESC LIMIT 1)
            """));
        foreach (var (id, _) in visible)
            Command(connection, "INSERT INTO AuditEntries (At, UserName, Action, RecordType, RecordId, Detail) VALUES ($at, $who, 0, 'Constituent', $id, 'Family dashboard')",
                ("$at", Stamp(DateTime.UtcNow)), ("$who", reader), ("$id", id.ToString(CultureInfo.InvariantCulture))).ExecuteNonQuery();
        return result;
    }

    /// <summary>The admissions funnel for one intake: one grouped scan of the applications, one count of inquiry-only prospects.</summary>
    public IReadOnlyList<int> AdmissionsFunnel(int termId)
    {
        using var connection = Open();
        var inquiredOnly = Convert.ToInt32(Scalar(connection, "SELECT COUNT(DISTINCT ProspectId) FROM InformationRequests WHERE TermId = $t AND ApplicationId IS NULL", ("$t", termId)), CultureInfo.InvariantCulture);
        using var command = Command(connection, """
            SELECT COUNT(*), COUNT(SubmittedAt), SUM(CASE WHEN Decision = 0 THEN 1 ELSE 0 END), COUNT(DepositPaidAt), COUNT(EnrolledAt)
            FROM AdmissionApplications WHERE TermId = $t
            """, ("$t", termId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return [inquiredOnly + Int(reader, 0), Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4)];
    }

    /// <summary>The pipeline board for one intake: counts per stage, and the oldest cards of each column with their names and readings.</summary>
    public IReadOnlyList<int> AdmissionsBoard(int termId, int cards)
    {
        using var connection = Open();
        var counts = new Dictionary<int, int>();
        using (var reader = Command(connection, "SELECT Stage, COUNT(*) FROM AdmissionApplications WHERE TermId = $t GROUP BY Stage", ("$t", termId)).ExecuteReader())
            while (reader.Read()) counts[Int(reader, 0)] = Int(reader, 1);
        var result = new List<int> { Convert.ToInt32(Scalar(connection, "SELECT COUNT(DISTINCT ProspectId) FROM InformationRequests WHERE TermId = $t AND ApplicationId IS NULL", ("$t", termId)), CultureInfo.InvariantCulture) };
        result.AddRange(Ids(connection, """
            SELECT r.ProspectId, c.DisplayName, p.Name, t.Name, r.Source, r.ReceivedAt
            FROM InformationRequests r JOIN Constituents c ON c.Id = r.ProspectId LEFT JOIN Programmes p ON p.Id = r.ProgrammeId LEFT JOIN Terms t ON t.Id = r.TermId
            WHERE r.TermId = $t AND r.ApplicationId IS NULL ORDER BY r.ReceivedAt DESC, r.Id DESC LIMIT $n
            """, ("$t", termId), ("$n", cards)));
        foreach (var stage in new[] { 0, 1, 2, 3, 4, 6, 7 })
        {
            result.Add(counts.GetValueOrDefault(stage));
            result.AddRange(Ids(connection, """
                SELECT a.Id, c.DisplayName, p.Name, t.Name, a.Source, a.StartedAt, a.TranscriptReceived, a.StatementReceived, a.RecommendationReceived,
                       (SELECT COUNT(*) FROM ApplicationReviews v WHERE v.ApplicationId = a.Id),
                       (SELECT AVG(v.WeightedScore) FROM ApplicationReviews v WHERE v.ApplicationId = a.Id), a.DepositDueOn
                FROM AdmissionApplications a JOIN Constituents c ON c.Id = a.ApplicantId JOIN Programmes p ON p.Id = a.ProgrammeId JOIN Terms t ON t.Id = a.TermId
                WHERE a.TermId = $t AND a.Stage = $s ORDER BY a.StartedAt, a.Id LIMIT $n
                """, ("$t", termId), ("$s", stage), ("$n", cards)));
        }
        result.Add(counts.GetValueOrDefault(5) + counts.GetValueOrDefault(8));
        return result;
    }

    // Advancement (issue 6). Donors in one region who gave since a date and may be e-mailed.
    private const string SegmentWhere = """
        c.Kind IN (0, 2) AND c.Region = $region AND c.Email IS NOT NULL AND c.DoNotContact = 0 AND c.EmailOptOut = 0
        AND EXISTS (SELECT 1 FROM Hats h WHERE h.ConstituentId = c.Id AND h.Kind = $donor AND h.StartDate <= $today AND (h.EndDate IS NULL OR h.EndDate >= $today))
        AND EXISTS (SELECT 1 FROM Gifts g WHERE g.DonorId = c.Id AND g.ReceivedOn >= $since)
        """;

    public IReadOnlyList<int> SegmentCount(string region, DateOnly since, DateOnly today)
    {
        using var connection = Open();
        return [Convert.ToInt32(Scalar(connection, $"SELECT COUNT(*) FROM Constituents c WHERE {SegmentWhere}",
            ("$region", region), ("$donor", (int)HatKind.Donor), ("$today", Date(today)), ("$since", Date(since))), CultureInfo.InvariantCulture)];
    }

    /// <summary>The same segment with its region rule an "or" group of three regions.</summary>
    public IReadOnlyList<int> SegmentCountAnyRegion(string[] regions, DateOnly since, DateOnly today)
    {
        using var connection = Open();
        var where = SegmentWhere.Replace("c.Region = $region", "c.Region IN ($r0, $r1, $r2)", StringComparison.Ordinal);
        return [Convert.ToInt32(Scalar(connection, $"SELECT COUNT(*) FROM Constituents c WHERE {where}",
            ("$r0", regions[0]), ("$r1", regions[1]), ("$r2", regions[2]), ("$donor", (int)HatKind.Donor), ("$today", Date(today)), ("$since", Date(since))), CultureInfo.InvariantCulture)];
    }

    public IReadOnlyList<int> SegmentPreview(string region, DateOnly since, DateOnly today, int take)
    {
        using var connection = Open();
        Scalar(connection, $"SELECT COUNT(*) FROM Constituents c WHERE {SegmentWhere}", ("$region", region), ("$donor", (int)HatKind.Donor), ("$today", Date(today)), ("$since", Date(since)));
        return Ids(connection, $"""
            SELECT c.Id, c.DisplayName, c.Email, c.Region, (SELECT s.LifetimeTotal FROM DonorScores s WHERE s.ConstituentId = c.Id),
                   (SELECT MAX(g.ReceivedOn) FROM Gifts g WHERE g.DonorId = c.Id)
            FROM Constituents c WHERE {SegmentWhere} ORDER BY c.SortName, c.Id LIMIT $take
            """, ("$region", region), ("$donor", (int)HatKind.Donor), ("$today", Date(today)), ("$since", Date(since)), ("$take", take));
    }

    /// <summary>
    /// The RFM recompute as one set-based statement: totals, five-year window and NTILE quintiles, written to
    /// DonorScores, then rolled back so CoRM's own scores stay. Quintiles by NTILE split ties differently from CoRM's
    /// cut points, so this is a timing floor, not an equality check. Returns the donors scored.
    /// </summary>
    public IReadOnlyList<int> RfmRecompute(DateOnly today)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var delete = Command(connection, "DELETE FROM DonorScores");
        delete.Transaction = tx;
        delete.ExecuteNonQuery();
        using var insert = Command(connection, """
            WITH totals AS (
                SELECT DonorId, MIN(ReceivedOn) AS FirstOn, MAX(ReceivedOn) AS LastOn, SUM(Amount) AS Lifetime, MAX(Amount) AS Largest,
                       SUM(CASE WHEN ReceivedOn >= $from THEN 1 ELSE 0 END) AS WindowGifts, SUM(CASE WHEN ReceivedOn >= $from THEN Amount ELSE 0 END) AS WindowTotal
                FROM Gifts GROUP BY DonorId),
            scored AS (
                SELECT *, CASE WHEN WindowGifts > 0 THEN NTILE(5) OVER (PARTITION BY WindowGifts > 0 ORDER BY LastOn) ELSE 0 END AS R,
                          CASE WHEN WindowGifts > 0 THEN NTILE(5) OVER (PARTITION BY WindowGifts > 0 ORDER BY WindowGifts) ELSE 0 END AS F,
                          CASE WHEN WindowGifts > 0 THEN NTILE(5) OVER (PARTITION BY WindowGifts > 0 ORDER BY WindowTotal) ELSE 0 END AS M
                FROM totals)
            INSERT INTO DonorScores (ConstituentId, FirstGiftOn, LastGiftOn, LifetimeTotal, LargestGift, WindowGifts, WindowTotal, Recency, Frequency, Monetary, ComputedOn)
            SELECT DonorId, FirstOn, LastOn, Lifetime, Largest, WindowGifts, WindowTotal, R, F, M, $today FROM scored
            """, ("$from", Date(today.AddYears(-5))), ("$today", Date(today)));
        insert.Transaction = tx;
        var scored = insert.ExecuteNonQuery();
        tx.Rollback();
        return [scored];
    }

    /// <summary>
    /// An appeal rendered set-based: one outbox row (subject and body concatenated in SQL, no unsubscribe token) and
    /// one interaction per e-mailable alumnus of three regions, in one transaction, rolled back. Returns the count.
    /// </summary>
    public IReadOnlyList<int> AppealRender(string[] regions, DateOnly today, DateTime now)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        var where = $"""
            c.Kind IN (0, 2) AND c.Region IN ('{string.Join("','", regions)}') AND c.Email IS NOT NULL AND c.DoNotContact = 0 AND c.EmailOptOut = 0
            AND EXISTS (SELECT 1 FROM Hats h WHERE h.ConstituentId = c.Id AND h.Kind = {(int)HatKind.Alumnus} AND h.StartDate <= $today AND (h.EndDate IS NULL OR h.EndDate >= $today))
            """;
        using var outbox = Command(connection, $"""
            INSERT INTO OutboxMessages (DedupKey, RecipientConstituentId, ToAddress, ToName, Subject, TextBody, CreatedAt, Attempts)
            SELECT 'floor:' || c.Id, c.Id, c.Email, c.DisplayName, c.FirstName || ', will you help a student this winter?',
                   'Dear ' || c.FirstName || ',' || char(10) || char(10) || 'You have given ' || printf('%.2f', COALESCE((SELECT s.LifetimeTotal FROM DonorScores s WHERE s.ConstituentId = c.Id), 0) / 100.0)
                   || ' so far; your last gift was ' || printf('%.2f', COALESCE((SELECT g.Amount FROM Gifts g WHERE g.DonorId = c.Id ORDER BY g.ReceivedOn DESC, g.Id DESC LIMIT 1), 0)) || '.',
                   $now, 0
            FROM Constituents c WHERE {where}
            """, ("$today", Date(today)), ("$now", Stamp(now)));
        outbox.Transaction = tx;
        var rendered = outbox.ExecuteNonQuery();
        using var interactions = Command(connection, $"""
            INSERT INTO Interactions (ConstituentId, Channel, Topic, Inbound, OccurredAt, Subject, RecordedAt, Sensitivity)
            SELECT c.Id, 0, 3, FALSE, $now, 'Appeal: floor', $now, 0 FROM Constituents c WHERE {where}
            """, ("$today", Date(today)), ("$now", Stamp(now)));
        interactions.Transaction = tx;
        interactions.ExecuteNonQuery();
        tx.Rollback();
        return [rendered];
    }

    private DbConnection Open()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = postgres ? PostgreSqlDialect.Translate(sql) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = postgres ? name.TrimStart('$') : name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private object? Scalar(DbConnection connection, string sql, params (string, object)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private List<int> Ids(DbConnection connection, string sql, params (string, object)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            for (var i = 1; i < reader.FieldCount; i++) _ = reader.GetValue(i); // materialise the row as the service does
            ids.Add(Int(reader, 0));
        }
        return ids;
    }

    private int Rows(DbConnection connection, string sql, params (string, object)[] parameters) => Ids(connection, sql, parameters).Count;

    // SQLite keeps dates and times as text; PostgreSQL compares them as dates and timestamps.
    private object Date(DateOnly date) => postgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Stamp(DateTime at) => postgres ? DateTime.SpecifyKind(at, DateTimeKind.Unspecified) : at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static int Int(DbDataReader reader, int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
}
