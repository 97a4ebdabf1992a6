using CoRM.Domain.Access;

namespace CoRM.Domain.Engagement;

/// <summary>What an interaction concerned; decides who may read it.</summary>
public enum Topic
{
    General = 0,
    Advising = 1,
    Admissions = 2,
    Giving = 3,
    Volunteering = 4,
    Family = 5,
    Case = 6,

    /// <summary>Actions taken and engagement (petitions, sessions attended, service): what the engagement office measures.</summary>
    Engagement = 7,
}

/// <summary>
/// Which topics each role may read on a timeline. Faculty never see gifts or case notes;
/// advancement never sees advising (grades) or case notes; a coordinator sees volunteering only.
/// </summary>
public static class TopicVisibility
{
    private static readonly Dictionary<string, Topic[]> ByRole = new(StringComparer.Ordinal)
    {
        // Administrators configure case types and see case counts, never case notes (nor does any role outside case work).
        [Roles.Admin] = Enum.GetValues<Topic>().Where(t => t != Topic.Case).ToArray(),
        [Roles.StudentSuccess] = [Topic.General, Topic.Advising, Topic.Admissions, Topic.Family, Topic.Volunteering, Topic.Engagement],
        [Roles.Faculty] = [Topic.General, Topic.Advising, Topic.Family],
        [Roles.Admissions] = [Topic.General, Topic.Admissions, Topic.Family],
        [Roles.Advancement] = [Topic.General, Topic.Giving, Topic.Volunteering, Topic.Family, Topic.Engagement],
        [Roles.VolunteerCoordinator] = [Topic.General, Topic.Volunteering, Topic.Engagement],
        [Roles.CaseWorker] = [Topic.General, Topic.Case, Topic.Family],
        [Roles.CaseSupervisor] = [Topic.General, Topic.Case, Topic.Family],
        [Roles.DataSteward] = [Topic.General],
        [Roles.Parent] = [],
        [Roles.Volunteer] = [],
        [Roles.Student] = [],
    };

    public static IReadOnlyList<Topic> VisibleTo(UserScope user) =>
        user.Roles.Where(ByRole.ContainsKey).SelectMany(r => ByRole[r]).Distinct().Order().ToList();

    public static bool MayRead(UserScope user, Topic topic) => VisibleTo(user).Contains(topic);

    /// <summary>Topics a role may write: the same it may read (one cannot file a note one could not see).</summary>
    public static bool MayRecord(UserScope user, Topic topic) => user.IsStaff && MayRead(user, topic);
}
