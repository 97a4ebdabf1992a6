using Bogus;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Giving for the demo: four funds, two appeals, ten years of gifts from the donors (most small and annual, a few
/// major), spouses soft-credited, one organisation matching an employee's gift, pledges with instalments, monthly
/// recurring gifts (one with a missed month), an in-kind gift and a gala with registrations.
/// </summary>
internal static class DemoAdvancementSeeder
{
    public static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var f = new Faker("en") { Random = new Randomizer(20261125) };
        var funds = new[]
        {
            new Fund { Code = "ANNUAL", Name = "Annual Fund" },
            new Fund { Code = "SCHOL", Name = "Scholarship Fund", Restricted = true },
            new Fund { Code = "LIBRARY", Name = "Library Renewal", Restricted = true },
            new Fund { Code = "ATHLETICS", Name = "Athletics" },
        };
        db.Funds.AddRange(funds);
        var appeals = new[]
        {
            new Appeal { Code = $"SPRING{today.Year}", Name = $"Spring appeal {today.Year}", StartsOn = new DateOnly(today.Year, 3, 1), Cost = 2400m },
            new Appeal { Code = $"YE{today.Year - 1}", Name = $"Year-end appeal {today.Year - 1}", StartsOn = new DateOnly(today.Year - 1, 11, 15), Cost = 3100m },
        };
        db.Appeals.AddRange(appeals);
        await db.SaveChangesAsync(ct);

        var tomas = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.Advancement).Select(u => u.ConstituentId).SingleAsync(ct);
        var donors = await db.Hats.Where(h => h.Kind == HatKind.Donor).Select(h => h.ConstituentId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var spouses = await db.Relationships.Where(r => r.Kind == RelationshipKind.Spouse).Select(r => new { r.SubjectId, r.RelatedId }).ToListAsync(ct);
        var gifts = new List<Gift>();
        foreach (var donor in donors)
        {
            var major = f.Random.Bool(0.08f);
            var years = f.Random.Int(1, 10);
            var lapsed = f.Random.Bool(0.2f); // gave until last year, nothing yet this year
            for (var y = years - 1; y >= (lapsed ? 1 : 0); y--)
            {
                var on = today.AddYears(-y).AddDays(-f.Random.Int(0, y == 0 ? 300 : 360));
                if (on > today) on = today;
                var amount = major ? f.Random.Int(10, 200) * 100m : f.Random.Int(2, 40) * 5m;
                var fund = f.Random.WeightedRandom(funds, [0.6f, 0.2f, 0.1f, 0.1f]);
                var appeal = on >= appeals[0].StartsOn && on <= appeals[0].StartsOn.AddMonths(2) ? appeals[0]
                    : on >= appeals[1].StartsOn && on <= appeals[1].StartsOn.AddMonths(2) ? appeals[1] : null;
                var gift = Gift.Receive(donor, amount, "EUR", on, fund.Id, f.PickRandom(PaymentMethod.Card, PaymentMethod.BankTransfer, PaymentMethod.DirectDebit, PaymentMethod.Cheque),
                    today, now, tomas, appealId: appeal?.Id);
                var spouse = spouses.FirstOrDefault(s => s.SubjectId == donor || s.RelatedId == donor);
                if (spouse is not null) gift.CreditTo(spouse.SubjectId == donor ? spouse.RelatedId : spouse.SubjectId, amount, SoftCreditReason.Spouse);
                gifts.Add(gift);
            }
        }
        db.Gifts.AddRange(gifts);

        // An organisation matching an employee's gift: the company pays, the employee is soft-credited.
        var employment = await db.Relationships.Where(r => r.Kind == RelationshipKind.Employer).Select(r => new { Employee = r.SubjectId, Company = r.RelatedId }).FirstAsync(ct);
        var match = Gift.Receive(employment.Company, 500m, "EUR", today.AddDays(-20), funds[1].Id, PaymentMethod.BankTransfer, today, now, tomas);
        match.CreditTo(employment.Employee, 500m, SoftCreditReason.MatchingGift);
        db.Gifts.Add(match);
        db.Gifts.Add(Gift.Receive(donors[3], 1800m, "EUR", today.AddDays(-45), funds[2].Id, PaymentMethod.InKind, today, now, tomas, GiftKind.InKind,
            description: "Forty reference books, valued at the bookseller's invoice"));
        await db.SaveChangesAsync(ct);

        // Pledges: one on schedule, one behind.
        var onTrack = Pledge.Make(donors[0], 6000m, "EUR", funds[1].Id, today.AddMonths(-4), 12, Frequency.Monthly, today.AddMonths(-4).AddDays(5), now);
        var behind = Pledge.Make(donors[1], 2000m, "EUR", funds[2].Id, today.AddMonths(-7), 4, Frequency.Quarterly, today.AddMonths(-6), now);
        db.Pledges.AddRange(onTrack, behind);
        await db.SaveChangesAsync(ct);
        foreach (var instalment in onTrack.Instalments.Where(i => i.DueOn <= today))
            db.Gifts.Add(PledgePayment(onTrack, instalment.Amount, instalment.DueOn, today, now, tomas));
        db.Gifts.Add(PledgePayment(behind, 500m, behind.Instalments[0].DueOn, today, now, tomas));

        // Monthly recurring gifts; the third donor's card failed last month.
        for (var i = 5; i < 9; i++)
        {
            var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-f.Random.Int(4, 12));
            var recurring = RecurringGift.Start(donors[i], f.Random.Int(2, 10) * 5m, "EUR", funds[0].Id, Frequency.Monthly, start, PaymentMethod.DirectDebit, now);
            db.RecurringGifts.Add(recurring);
            await db.SaveChangesAsync(ct);
            foreach (var due in recurring.ExpectedThrough(today))
            {
                if (i == 7 && due == new DateOnly(today.Year, today.Month, 1).AddMonths(-1)) continue;
                var gift = Gift.Receive(recurring.DonorId, recurring.Amount, "EUR", due.AddDays(f.Random.Int(0, 3)) is var paid && paid > today ? today : paid, recurring.FundId,
                    PaymentMethod.DirectDebit, today, now, tomas, GiftKind.RecurringInstalment);
                gift.RecurringGiftId = recurring.Id;
                db.Gifts.Add(gift);
            }
        }

        // Events: the gala's tickets are part gift, part dinner; the free ones only record who came.
        var events = new[]
        {
            GivingEvent.Plan("Scholarship gala", now.AddDays(-60), 150m, 65m, 120, funds[1].Id),
            GivingEvent.Plan("Alumni lecture: the future of farming", now.AddDays(-150), 0m, 0m, 200, funds[0].Id),
            GivingEvent.Plan("Spring concert", now.AddDays(-220), 25m, 25m, 300, funds[0].Id),
            GivingEvent.Plan("Class reunion", now.AddDays(-300), 40m, 30m, 150, funds[0].Id),
        };
        db.GivingEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
        var regulars = donors.Skip(10).Take(6).ToList();
        foreach (var (evt, index) in events.Select((e, i) => (e, i)))
        {
            var guests = regulars.Concat(f.PickRandom(donors.Skip(16), 10)).Distinct().ToList();
            foreach (var guest in guests)
            {
                var tickets = f.Random.Int(1, 2);
                var registration = new EventRegistration { EventId = evt.Id, ConstituentId = guest, Tickets = tickets, RegisteredAt = evt.StartsAt.AddDays(-30), Attended = regulars.Contains(guest) || f.Random.Bool(0.8f) };
                if (evt.TicketPrice > 0)
                {
                    var ticketGift = Gift.Receive(guest, tickets * evt.TicketPrice, "EUR", DateOnly.FromDateTime(evt.StartsAt.AddDays(-30)), evt.FundId, PaymentMethod.Card, today, now, tomas,
                        GiftKind.EventTicket, tickets * evt.FairMarketValue);
                    db.Gifts.Add(ticketGift);
                    await db.SaveChangesAsync(ct);
                    registration.GiftId = ticketGift.Id;
                }
                db.EventRegistrations.Add(registration);
            }
        }

        // Actions: the library petition (a web form), letters to the council, programme sessions, service visits,
        // for the "petition signer" ask, the engagement ladder and the mission dashboard.
        var people = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.Email != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var types = await db.ActionTypes.ToDictionaryAsync(t => t.Id, ct);
        // The library petition is a public form: its 40 signatures so far arrived through it.
        const string Library = "Keep the library open at night";
        var petition = Domain.Engagement.PublicForm.Create(Domain.Engagement.PublicFormKind.Petition, "keep-the-library-open", Library,
            "The university library closes at 22:00. Students who work during the day need it later: we ask the rector to open it until 02:00 in term time.",
            [new(Domain.Engagement.FormField.Region, false, "to show the rector how many signers live in each region"),
             new(Domain.Engagement.FormField.Comment, false, "to pass your words on with the petition")],
            "I sign this petition and agree that Northfield University records my signature.", "to deliver the petition and to tell you how it ends", 1, null, tomas, now.AddDays(-210));
        var newsletter = Domain.Engagement.PublicForm.Create(Domain.Engagement.PublicFormKind.ListSignUp, "newsletter", "Northfield news",
            "A monthly e-mail: lectures open to the public, campus news and ways to take part.",
            [new(Domain.Engagement.FormField.Region, false, "to invite you to events near you")],
            "Send me Northfield news by e-mail. I can unsubscribe at any time.", "the monthly newsletter and invitations to events", null, null, tomas, now.AddDays(-90));
        var lecture = GivingEvent.Plan("Open lecture: water and cities", now.AddDays(21), 0m, 0m, 80, funds[0].Id);
        db.GivingEvents.Add(lecture);
        await db.SaveChangesAsync(ct);
        var rsvp = Domain.Engagement.PublicForm.Create(Domain.Engagement.PublicFormKind.Rsvp, "open-lecture", "Open lecture: water and cities",
            "Professor Marta Reis on how cities will keep their water. Free and open to everyone; places are limited.",
            [new(Domain.Engagement.FormField.Phone, false, "to send you a text if the lecture moves")],
            "Record my reply so the university can welcome me at the door.", "the guest list of this lecture", null, lecture.Id, tomas, now.AddDays(-5));
        db.PublicForms.AddRange(petition, newsletter, rsvp);
        // A programme session about to start, with its guest list: the check-in page has a door to keep.
        var workshop = GivingEvent.Plan("Study skills workshop", now.AddHours(1), 0m, 0m, 30, funds[0].Id);
        db.GivingEvents.Add(workshop);
        await db.SaveChangesAsync(ct);
        foreach (var guest in f.PickRandom(people, 8))
            db.EventRegistrations.Add(workshop.Register(guest, 1, 0, now.AddDays(-f.Random.Int(1, 10))));
        await db.SaveChangesAsync(ct);

        // A weekly programme planned three weeks ago, two sessions held: ten places a session and twelve members, so two wait
        // in line for each session to come; a public RSVP form offers the rest of it.
        var plannedAt = now.AddDays(-21);
        var (club, sessions) = Domain.Engagement.EventSeries.Plan("Study club", "Bring your coursework: tutors and second-year students help, weekly from 17:00 to 19:00.",
            today.AddDays(-11).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc), 8, 7, 10, funds[0].Id, TimeZoneInfo.Utc, plannedAt, tomas);
        db.EventSeries.Add(club);
        db.GivingEvents.AddRange(sessions);
        await db.SaveChangesAsync(ct);
        foreach (var (member, i) in f.PickRandom(people, 12).Select((m, i) => (m, i)))
        {
            await Engagement.RecurringProgrammes.EnrolAsync(db, club, member, plannedAt.AddHours(i), ct);
            await db.SaveChangesAsync(ct);
        }
        foreach (var held in await db.EventRegistrations.Where(r => !r.Waitlisted && db.GivingEvents.Any(e => e.Id == r.EventId && e.SeriesId == club.Id && e.StartsAt < now)).ToListAsync(ct))
            held.Attended = f.Random.Bool(0.8f);
        db.PublicForms.Add(Domain.Engagement.PublicForm.Create(Domain.Engagement.PublicFormKind.Rsvp, "study-club", "Join the study club",
            "Once a week, 17:00 to 19:00, in the library: bring your coursework, tutors help. Free; ten places a session.",
            [new(Domain.Engagement.FormField.Comment, false, "to tell the tutors what you are working on")],
            "Record my place at the study club's sessions so the tutors expect me.", "the study club's guest lists and reminders", null, null, tomas, plannedAt, club.Id));
        await db.SaveChangesAsync(ct);
        foreach (var signer in f.PickRandom(people, 40))
        {
            var on = today.AddDays(-f.Random.Int(1, 200));
            Engagement.ActionRecords.Add(db, signer, types[1], on, Domain.Engagement.Channel.WebForm, Library, null, null, null, null, today, now);
            db.FormSubmissions.Add(new Domain.Engagement.FormSubmission
            {
                FormId = petition.Id, ConstituentId = signer, SubmittedAt = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                Status = Domain.Engagement.FormSubmissionStatus.Recorded, Match = Domain.Engagement.FormMatch.ExistingPerson, EmailKey = $"demo-{signer}",
            });
            db.ConsentRecords.Add(Domain.Privacy.ConsentRecord.Of(signer, Domain.Privacy.ConsentKind.Form, true, on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                $"public form \"{Library}\"", null, petition.ConsentWording, petition.ConsentPurpose));
        }
        foreach (var writer in f.PickRandom(people, 15))
            Engagement.ActionRecords.Add(db, writer, types[2], today.AddDays(-f.Random.Int(1, 330)), Domain.Engagement.Channel.Letter, "The city council, on student housing", null, null, null, tomas, today, now);
        foreach (var attendee in f.PickRandom(people, 30))
            foreach (var _ in Enumerable.Range(0, f.Random.Int(1, 5)))
                Engagement.ActionRecords.Add(db, attendee, types[5], today.AddDays(-f.Random.Int(1, 360)), Domain.Engagement.Channel.InPerson, null, null, null, null, tomas, today, now);
        foreach (var visitor in f.PickRandom(people, 8))
            Engagement.ActionRecords.Add(db, visitor, types[7], today.AddDays(-f.Random.Int(1, 300)), Domain.Engagement.Channel.InPerson, null, null, null, null, tomas, today, now);
        await db.SaveChangesAsync(ct);
        await Advancement.Segments.InstallReadyMadeAsync(db, now, ct);

        // The three classic rules, ready to run (the nightly job at 05:00 does; "Run now" on /engagement/rules too).
        var ines = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.VolunteerCoordinator).Select(u => u.ConstituentId).SingleAsync(ct);
        var segmentIds = await db.Segments.ToDictionaryAsync(x => x.Name, x => x.Id, ct);
        var advocate = Domain.Engagement.Tag.Define("Advocate", "Acts for our causes: petitions, letters, calls.", now);
        var prospect = Domain.Engagement.Tag.Define("Board prospect", "Someone to invite to a board or a committee.", now);
        db.Tags.AddRange(advocate, prospect);
        await db.SaveChangesAsync(ct);
        foreach (var someone in f.PickRandom(people, 3))
            db.PersonTags.Add(new Domain.Engagement.PersonTag { TagId = prospect.Id, ConstituentId = someone, TaggedAt = now.AddDays(-f.Random.Int(1, 60)), TaggedById = ines });
        Domain.Engagement.EngagementRule Ready(Domain.Engagement.EngagementRule rule) { rule.ReadyMade = true; return rule; }
        db.EngagementRules.AddRange(
            Ready(Domain.Engagement.EngagementRule.Define("Coupon for regular attendees", segmentIds["Regular event attendees"], Domain.Engagement.RuleActionKind.Email, null,
                "{{FirstName}}, 20% off the next seminar",
                "Dear {{FirstName}},\n\nThank you for coming to so many of our events this year. Quote SEMINAR20 when you book the next seminar and the ticket is 20% off.\n\n{{UnsubscribeLink}}",
                0, null, 365, today, tomas)),
            Ready(Domain.Engagement.EngagementRule.Define("First donation ask for petition signers", segmentIds["Petition signers who have not given"], Domain.Engagement.RuleActionKind.Email, null,
                "{{FirstName}}, keep the library open with a gift",
                "Dear {{FirstName}},\n\nYou signed the petition to keep the library open at night. Night opening costs 40 EUR an evening: a gift of any size helps us open it.\n\n{{UnsubscribeLink}}",
                0, null, 365, today, tomas)),
            Ready(Domain.Engagement.EngagementRule.Define("Board invitation for committed volunteers", segmentIds["Committed volunteers"], Domain.Engagement.RuleActionKind.FollowUp, ines,
                "Invite {{DisplayName}} to the volunteer board", "Volunteered more than twice in the past 12 months.", 7, null, 365, today, tomas)),
            Ready(Domain.Engagement.EngagementRule.Define("Tag advocates", segmentIds["Advocates"], Domain.Engagement.RuleActionKind.Tag, null, null, null, 0, null, 365, today, tomas,
                advocate.Id)));
        await db.SaveChangesAsync(ct);

        // Last year-end's appeal, already sent, so its results page has responses to show.
        var segment = await db.Segments.SingleAsync(x => x.Name == "Lapsed donors", ct);
        var sentAt = appeals[1].StartsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var campaign = AppealCampaign.Draft(appeals[1].Name, appeals[1].Id, segment.Id, "{{FirstName}}, a year-end gift for Northfield",
            "Dear {{FirstName}},\n\nThank you for {{LifetimeGiving}} over the years.\n\n{{UnsubscribeLink}}", sentAt, 90, tomas, sentAt.AddDays(-7));
        campaign.Schedule(sentAt, sentAt);
        campaign.BeginSending(sentAt);
        campaign.MarkSent(sentAt);
        db.AppealCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var responders = gifts.Where(g => g.AppealId == appeals[1].Id).Select(g => g.DonorId).Distinct().ToList();
        var recipients = responders.Concat(f.PickRandom(donors, 60)).Distinct().ToList();
        var addressees = await db.Constituents.Where(c => recipients.Contains(c.Id)).Select(c => new { c.Id, c.Email, c.DisplayName, c.FirstName }).ToListAsync(ct);
        foreach (var person in addressees)
        {
            db.CampaignRecipients.Add(new CampaignRecipient { CampaignId = campaign.Id, ConstituentId = person.Id, Status = RecipientStatus.Sent, SentAt = sentAt });
            if (person.Email is null) continue;
            db.OutboxMessages.Add(new Domain.Messaging.OutboxMessage
            {
                DedupKey = $"appeal:{campaign.Id}:{person.Id}",
                RecipientConstituentId = person.Id,
                ToAddress = person.Email,
                ToName = person.DisplayName,
                Subject = $"{person.FirstName}, a year-end gift for Northfield",
                TextBody = $"Dear {person.FirstName},\n\nThank you for your support over the years.",
                CreatedAt = sentAt,
                SentAt = sentAt.AddMinutes(5),
                Attempts = 1,
            });
        }
        await db.SaveChangesAsync(ct);

        await SeedSpringLetterAsync(db, f, appeals[0], tomas, ct);
        await SeedReceiptsAsync(db, today, tomas, ct);
    }

    /// <summary>This spring's appeal went out as printed letters: its print batch can be downloaded again.</summary>
    private static async Task SeedSpringLetterAsync(CormDbContext db, Faker f, Appeal appeal, int tomas, CancellationToken ct)
    {
        var segment = await db.Segments.SingleAsync(x => x.Name == "Lapsed donors", ct);
        var sentAt = appeal.StartsOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var campaign = AppealCampaign.Draft(appeal.Name + " (letter)", appeal.Id, segment.Id, "Spring at Northfield",
            "Dear {{FirstName}},\n\nThe library stays open at night this spring thanks to friends like you.\n\nTo receive no more appeals: {{UnsubscribeLink}}",
            sentAt, 60, tomas, sentAt.AddDays(-10), CampaignChannel.Letter);
        campaign.Schedule(sentAt, sentAt);
        campaign.BeginSending(sentAt);
        campaign.MarkSent(sentAt);
        db.AppealCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var withAddress = await db.Hats.Where(h => h.Kind == HatKind.Donor).Select(h => h.ConstituentId).Distinct()
            .Join(db.Constituents.Where(c => !c.DoNotContact), id => id, c => c.Id, (id, c) => c)
            .Select(c => new { c.Id, c.FirstName, c.DisplayName, Address = db.Addresses.Where(a => a.ConstituentId == c.Id).OrderByDescending(a => a.IsPrimary).FirstOrDefault() })
            .Where(x => x.Address != null).OrderBy(x => x.Id).Take(30).ToListAsync(ct);
        foreach (var p in withAddress)
        {
            var code = Advancement.UnsubscribeLinks.NewPostCode();
            db.CampaignRecipients.Add(new CampaignRecipient
            {
                CampaignId = campaign.Id,
                ConstituentId = p.Id,
                Status = RecipientStatus.Sent,
                SentAt = sentAt,
                MailingAddress = $"{p.DisplayName}\n{p.Address!.Street}\n{p.Address.PostalCode} {p.Address.City}\n{p.Address.Country}",
                LetterBody = $"Spring at Northfield\n\nDear {(p.FirstName.Length > 0 ? p.FirstName : p.DisplayName)},\n\nThe library stays open at night this spring thanks to friends like you." +
                             $"\n\nTo receive no more appeals: {new Email.EmailOptions().PortalBaseUrl}/u/{code}",
                OptOutCode = code,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Annual summaries for last year's first donors, issued in January; one was reissued after a change of address.</summary>
    private static async Task SeedReceiptsAsync(CormDbContext db, DateOnly today, int tomas, CancellationToken ct)
    {
        var year = today.Year - 1;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var issuedAt = new DateTime(today.Year, 1, 15, 10, 0, 0, DateTimeKind.Utc);
        var donors = await db.Gifts.Where(g => g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0 && g.Currency == Money.DefaultCurrency)
            .Select(g => g.DonorId).Distinct().OrderBy(id => id).Take(20).ToListAsync(ct);
        var sequence = 0;
        foreach (var donorId in donors)
        {
            var donor = await db.Constituents.Where(c => c.Id == donorId).Select(c => new { c.DisplayName, Address = db.Addresses.Where(a => a.ConstituentId == c.Id).OrderByDescending(a => a.IsPrimary).FirstOrDefault() }).SingleAsync(ct);
            var gifts = await db.Gifts.AsNoTracking().Where(g => g.DonorId == donorId && g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0 && g.Currency == Money.DefaultCurrency)
                .OrderBy(g => g.ReceivedOn).ToListAsync(ct);
            var receipt = Receipt.Issue(ReceiptKind.AnnualSummary, donorId, donor.DisplayName, donor.Address?.ToString() ?? "", gifts, issuedAt, tomas);
            receipt.AssignNumber(today.Year, ++sequence);
            db.Receipts.Add(receipt);
            if (sequence == 1)
            {
                await db.SaveChangesAsync(ct);
                receipt.Void("The donor moved; reissued to the new address.", issuedAt.AddDays(12));
                await db.SaveChangesAsync(ct); // the old lines leave the "one current receipt per gift" index first
                var replacement = Receipt.Issue(ReceiptKind.AnnualSummary, donorId, donor.DisplayName, donor.Address?.ToString() ?? "", gifts, issuedAt.AddDays(12), tomas);
                replacement.ReplacesId = receipt.Id;
                replacement.AssignNumber(today.Year, ++sequence);
                db.Receipts.Add(replacement);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static Gift PledgePayment(Pledge pledge, decimal amount, DateOnly on, DateOnly today, DateTime now, int recordedBy)
    {
        var gift = Gift.Receive(pledge.DonorId, amount, pledge.Currency, on > today ? today : on, pledge.FundId, PaymentMethod.BankTransfer, today, now, recordedBy, GiftKind.PledgePayment);
        gift.PledgeId = pledge.Id;
        return gift;
    }
}
