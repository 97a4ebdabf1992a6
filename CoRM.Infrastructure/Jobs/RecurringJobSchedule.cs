using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Volunteering;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Engagement;
using Hangfire;

namespace CoRM.Infrastructure.Jobs;

/// <summary>Every recurring job and its schedule, in one place. Jobs take no arguments: they find their work in the database.</summary>
public static class RecurringJobSchedule
{
    /// <summary>
    /// Daily jobs run at their hour in the institution's time zone (<paramref name="zone"/>): the 06:00 digest arrives at
    /// 06:00 in Lisbon in July and in January alike, and on the two days the clocks change (Hangfire's cron follows the zone).
    /// </summary>
    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone)
    {
        var local = new RecurringJobOptions { TimeZone = zone };
        jobs.AddOrUpdate<FollowUpDigestJob>(FollowUpDigestJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6), local);
        jobs.AddOrUpdate<RiskAssessmentJob>(RiskAssessmentJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(2), local);
        jobs.AddOrUpdate<ShiftReminderJob>(ShiftReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(), local);
        jobs.AddOrUpdate<AdmissionsReminderJob>(AdmissionsReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7), local);
        jobs.AddOrUpdate<DonorScoreJob>(DonorScoreJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3), local);
        jobs.AddOrUpdate<EngagementScoreJob>(EngagementScoreJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3, 30), local);
        jobs.AddOrUpdate<EventReminderJob>(EventReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(15), local);
        jobs.AddOrUpdate<EngagementRuleJob>(EngagementRuleJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(5), local);
        jobs.AddOrUpdate<GiftOfficerReminderJob>(GiftOfficerReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6, 30), local);
        jobs.AddOrUpdate<AppealCampaignJob>(AppealCampaignJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *", local);
        jobs.AddOrUpdate<DuplicateScanJob>(DuplicateScanJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(1), local);
        jobs.AddOrUpdate<Cases.CaseReminderJob>(Cases.CaseReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6, 45), local);
        jobs.AddOrUpdate<Privacy.PrivacyReminderJob>(Privacy.PrivacyReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7, 15), local);
        jobs.AddOrUpdate<Privacy.RetentionJob>(Privacy.RetentionJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(4), local);
        jobs.AddOrUpdate<Privacy.DeniedAccessAlertJob>(Privacy.DeniedAccessAlertJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *", local);
        // Every minute; each run drains the outbox for up to Email:DispatchBudgetSeconds (50).
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), local);
    }
}
