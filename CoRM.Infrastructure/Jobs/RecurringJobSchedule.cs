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
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<FollowUpDigestJob>(FollowUpDigestJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
        jobs.AddOrUpdate<RiskAssessmentJob>(RiskAssessmentJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(2));
        jobs.AddOrUpdate<ShiftReminderJob>(ShiftReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<AdmissionsReminderJob>(AdmissionsReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7));
        jobs.AddOrUpdate<DonorScoreJob>(DonorScoreJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        jobs.AddOrUpdate<EngagementScoreJob>(EngagementScoreJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3, 30));
        jobs.AddOrUpdate<EventReminderJob>(EventReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(15));
        jobs.AddOrUpdate<EngagementRuleJob>(EngagementRuleJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(5));
        jobs.AddOrUpdate<GiftOfficerReminderJob>(GiftOfficerReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6, 30));
        jobs.AddOrUpdate<AppealCampaignJob>(AppealCampaignJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<DuplicateScanJob>(DuplicateScanJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(1));
        jobs.AddOrUpdate<Cases.CaseReminderJob>(Cases.CaseReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6, 45));
        jobs.AddOrUpdate<Privacy.PrivacyReminderJob>(Privacy.PrivacyReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(7, 15));
        jobs.AddOrUpdate<Privacy.RetentionJob>(Privacy.RetentionJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(4));
        jobs.AddOrUpdate<Privacy.DeniedAccessAlertJob>(Privacy.DeniedAccessAlertJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        // Every minute; each run drains the outbox for up to Email:DispatchBudgetSeconds (50).
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
