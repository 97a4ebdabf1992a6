using System.Globalization;
using System.Text;
using CoRM.Infrastructure.Academics;

namespace CoRM.Infrastructure.Tests.Support;

/// <summary>
/// Exports of a module-based university shaped like the Open University's open data (OULAD): pseudonymised students
/// (an id, no name), several module registrations per student per presentation, assessments with a due date, a
/// submission date, a weight and a score, missing submissions, and each module's outcome. The signal is known: each
/// student has a hidden disengagement level that makes missed and weak coursework likelier as the term goes on, and
/// dropping out likelier — so early in a term little is known, and more later.
/// One presentation a year from <c>firstYear</c>; with <c>underWay</c>, one more that started before <c>today</c> and has
/// no outcomes yet (only assessments already due are exported), of <c>studentsUnderWay</c> students (default: as many as a cohort).
/// </summary>
public static class ModuleUniversity
{
    public sealed record Export(SisImportKind Kind, string Csv, Dictionary<string, string?> Mapping);

    private static readonly string[] Modules = ["AAA", "BBB", "CCC", "DDD"];
    private static readonly int[] DueAt = [15, 35, 55, 75, 95];
    private static readonly decimal[] Weights = [10, 10, 10, 20, 50];

    public static IReadOnlyList<Export> Generate(int cohorts, int studentsPerCohort, int seed = 11, int firstYear = 2021, DateOnly? underWay = null, int? studentsUnderWay = null)
    {
        var random = new Random(seed);
        var terms = new StringBuilder("code_presentation,presentation_name,date_start,date_end\n");
        var students = new StringBuilder("id_student,region\n");
        var registrations = new StringBuilder("id_student,code_module,module_name,code_presentation,date_registration,final_status\n");
        var assessments = new StringBuilder("id_student,code_module,code_presentation,id_assessment,date,date_submitted,weight,score\n");
        var results = new StringBuilder("id_student,code_module,code_presentation,final_grade,date_result\n");
        var presentations = Enumerable.Range(0, cohorts).Select(i => (Year: firstYear + i, Current: false)).ToList();
        if (underWay is { } day) presentations.Add((day.Month >= 10 ? day.Year : day.Year - 1, true));
        var id = 100000;
        foreach (var (year, current) in presentations)
        {
            var code = $"{year}J";
            var (starts, ends) = (new DateOnly(year, 10, 1), new DateOnly(year + 1, 6, 30));
            var length = ends.DayNumber - starts.DayNumber;
            terms.Append(CultureInfo.InvariantCulture, $"{code},October {year},{starts:yyyy-MM-dd},{ends:yyyy-MM-dd}\n");
            for (var s = 0; s < (current ? studentsUnderWay ?? studentsPerCohort : studentsPerCohort); s++)
            {
                var student = ++id;
                var disengagement = random.NextDouble();
                var dropsOut = random.NextDouble() < 1 / (1 + Math.Exp(-7 * (disengagement - 0.6)));
                // A dropout stops handing work in somewhere in the second half of the term.
                var stopsAt = dropsOut && random.NextDouble() < 0.7 ? 40 + random.Next(0, 50) : 101;
                students.Append(CultureInfo.InvariantCulture, $"{student},{(random.Next(2) == 0 ? "North" : "South")}\n");
                foreach (var module in Modules.OrderBy(_ => random.Next()).Take(2))
                {
                    var status = current ? "Enrolled" : dropsOut ? "DroppedOut" : "Graduated";
                    registrations.Append(CultureInfo.InvariantCulture, $"{student},{module},Module {module},{code},{starts.AddDays(-random.Next(5, 60)):yyyy-MM-dd},{status}\n");
                    var scores = new List<decimal>();
                    for (var a = 0; a < DueAt.Length; a++)
                    {
                        var due = starts.AddDays(length * DueAt[a] / 100);
                        if (current && due > underWay) break;
                        var missProbability = DueAt[a] >= stopsAt ? 0.95 : 0.03 + 0.45 * disengagement * DueAt[a] / 100;
                        var assessment = $"{module}-{code}-{a + 1}";
                        if (random.NextDouble() < missProbability)
                        {
                            assessments.Append(CultureInfo.InvariantCulture, $"{student},{module},{code},{assessment},{due:yyyy-MM-dd},,{Weights[a]},\n");
                            continue;
                        }
                        var late = random.NextDouble() < 0.1 + 0.3 * disengagement ? random.Next(1, 10) : -random.Next(0, 5);
                        var score = Math.Clamp(Math.Round((decimal)(82 - 45 * disengagement * (0.4 + DueAt[a] / 100.0) + Gaussian(random) * 12)), 0, 100);
                        scores.Add(score);
                        assessments.Append(CultureInfo.InvariantCulture, $"{student},{module},{code},{assessment},{due:yyyy-MM-dd},{due.AddDays(late):yyyy-MM-dd},{Weights[a]},{score}\n");
                    }
                    if (!current)
                    {
                        // Some who leave sat the exam and failed it, some never did; some who stay fail a module too.
                        var sat = scores.Count > 0 && (!dropsOut || random.NextDouble() < 0.5);
                        var grade = !sat ? "" : Math.Round(Math.Clamp((double)scores.Average() / 5 - (dropsOut ? 4 : 0) + Gaussian(random) * 2, 0, 20), 1).ToString(CultureInfo.InvariantCulture);
                        results.Append(CultureInfo.InvariantCulture, $"{student},{module},{code},{grade},{ends:yyyy-MM-dd}\n");
                    }
                }
            }
        }
        return
        [
            new(SisImportKind.Terms, terms.ToString(), new() { [SisImportFields.TermCode] = "code_presentation", ["Name"] = "presentation_name", ["StartsOn"] = "date_start", ["EndsOn"] = "date_end", ["EnrolmentDeadline"] = null }),
            new(SisImportKind.Students, students.ToString(), new() { [SisImportFields.StudentNumber] = "id_student", ["GivenName"] = null, ["FamilyName"] = null, ["Email"] = null, ["BirthDate"] = null, ["Region"] = "region" }),
            new(SisImportKind.Enrolments, registrations.ToString(), new() { [SisImportFields.StudentNumber] = "id_student", ["ProgrammeCode"] = "code_module", ["ProgrammeName"] = "module_name", [SisImportFields.TermCode] = "code_presentation", ["Status"] = "final_status", ["EnrolledOn"] = "date_registration" }),
            new(SisImportKind.Assessments, assessments.ToString(), new() { [SisImportFields.StudentNumber] = "id_student", [SisImportFields.TermCode] = "code_presentation", [SisImportFields.CourseCode] = "code_module", ["AssessmentCode"] = "id_assessment", ["DueOn"] = "date", ["SubmittedOn"] = "date_submitted", ["Weight"] = "weight", ["Score"] = "score" }),
            new(SisImportKind.Results, results.ToString(), new() { [SisImportFields.StudentNumber] = "id_student", [SisImportFields.TermCode] = "code_presentation", [SisImportFields.CourseCode] = "code_module", ["CourseName"] = null, ["Grade"] = "final_grade", ["Passed"] = null, ["RecordedOn"] = "date_result" }),
        ];
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
