using System.Globalization;
using CoRM.Domain.Constituents;
using Microsoft.Data.Sqlite;

namespace CoRM.Benchmarks;

/// <summary>
/// The floor: the same answers as CoRM's services from hand-written SQL on the same file, read with
/// a plain data reader. Each call opens a pooled connection, as a CoRM operation opens a context.
/// </summary>
internal sealed class HandWrittenQueries(string connectionString)
{
    private const string AllTopics = "0,1,2,3,4,5,6";

    public IReadOnlyList<int> SearchByName(string folded, int take, int skip = 0)
    {
        using var connection = Open();
        var high = SearchText.PrefixUpperBound(folded);
        const string match = "(SortName >= $lo AND SortName < $hi) OR (SearchName >= $lo AND SearchName < $hi)";
        Scalar(connection, $"SELECT COUNT(*) FROM Constituents WHERE {match}", ("$lo", folded), ("$hi", high));
        return Ids(connection, $"""
            SELECT c.Id, c.DisplayName, c.Kind, c.Email, c.Region,
                   (SELECT group_concat(h.Kind) FROM Hats h WHERE h.ConstituentId = c.Id AND h.StartDate <= date('now') AND (h.EndDate IS NULL OR h.EndDate >= date('now')))
            FROM Constituents c WHERE {match} ORDER BY c.SortName, c.Id LIMIT $take OFFSET $skip
            """, ("$lo", folded), ("$hi", high), ("$take", take), ("$skip", skip));
    }

    public IReadOnlyList<int> SearchByEmail(string email)
    {
        using var connection = Open();
        Scalar(connection, "SELECT COUNT(*) FROM Constituents WHERE Email = $e", ("$e", email));
        return Ids(connection, "SELECT c.Id, c.DisplayName, (SELECT group_concat(h.Kind) FROM Hats h WHERE h.ConstituentId = c.Id) FROM Constituents c WHERE c.Email = $e ORDER BY c.SortName, c.Id LIMIT 25", ("$e", email));
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
            while (counts.Read()) total += counts.GetInt32(1);
        result.Add(total);
        Scalar(connection, $"SELECT COUNT(*) FROM FollowUps WHERE ConstituentId = $id AND CompletedAt IS NULL AND Topic IN ({topicList})", ("$id", id));
        Command(connection, "INSERT INTO AuditEntries (At, UserName, Action, RecordType, RecordId, Detail) VALUES ($at, $who, 0, 'Constituent', $id, 'Profile')",
            ("$at", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)), ("$who", reader), ("$id", id.ToString(CultureInfo.InvariantCulture))).ExecuteNonQuery();

        Scalar(connection, $"SELECT COUNT(*) FROM Interactions WHERE ConstituentId = $id AND Topic IN ({topicList})", ("$id", id));
        result.AddRange(Ids(connection, $"""
            SELECT i.Id, i.OccurredAt, i.Channel, i.Topic, i.Subject, i.Notes, (SELECT r.DisplayName FROM Constituents r WHERE r.Id = i.RecordedById)
            FROM Interactions i WHERE i.ConstituentId = $id AND i.Topic IN ({topicList})
            ORDER BY i.OccurredAt DESC, i.Id DESC LIMIT $take
            """, ("$id", id), ("$take", pageSize)));
        return result;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string, object)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static List<int> Ids(SqliteConnection connection, string sql, params (string, object)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            for (var i = 1; i < reader.FieldCount; i++) _ = reader.GetValue(i); // materialise the row as the service does
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    private static int Rows(SqliteConnection connection, string sql, params (string, object)[] parameters) => Ids(connection, sql, parameters).Count;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
