using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// Reads and changes the timetable, the booking window rule, the booking limits and the default language
/// (admin settings, T1–T4, F1, D4).
/// </summary>
public sealed class SiteSettingsService(AppDbContext db, SiteRulesProvider rules, TimeProvider clock, SiteLanguage language,
    IStringLocalizer<SiteSettingsService> text)
{
    /// <summary>The most no-shows in a row a site may let a series have before it ends (issue 22).</summary>
    public const int MaxSeriesNoShowStrikes = 50;

    public async Task<TimetableDto> GetTimetableAsync(CancellationToken ct = default)
    {
        var t = (await rules.GetAsync(ct)).Timetable;
        return new TimetableDto(t.Zone.Id, t.Periods.Select(ToDto).ToList());
    }

    public async Task<BookingWindowDto> GetBookingWindowAsync(CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        return ToDto(site.Window, NoShowMinutes(site), site.SeriesNoShowStrikes);
    }

    private static int NoShowMinutes(SiteRules site) => (int)(site.NoShowAfter?.TotalMinutes ?? 0);

    /// <summary>
    /// Replaces the timetable. Invalid input (unknown zone, bad or overlapping periods) → invalid-input with field errors.
    /// A change that would move or remove the period of active bookings is refused (timetable-in-use, listing them:
    /// the booking rule <see cref="Domain.Bookings.Booking.CheckTimetableChange"/>); cancel them first.
    /// </summary>
    public async Task<AppResult<TimetableDto>> SetTimetableAsync(TimetableDto input, CancellationToken ct = default)
    {
        Timetable timetable;
        try
        {
            var periods = new List<Period>();
            var errors = new ValidationErrors()
                .AddIf(input.Periods?.Count > Timetable.MaxPeriods, "periods", new DomainMessage("PeriodsTooMany", $"At most {Timetable.MaxPeriods} periods.", Timetable.MaxPeriods));
            foreach (var (p, i) in (input.Periods ?? []).Take(Timetable.MaxPeriods).Select((p, i) => (p, i)))
            {
                if (p is not null && TimeInput.TryParse(p.Start, out var start) && TimeInput.TryParse(p.End, out var end)) periods.Add(new Period(start, end));
                else errors.Add("periods", new DomainMessage("PeriodTimesFormat", $"Period {i + 1}: give start and end as HH:mm.", i + 1));
            }
            errors.ThrowIfAny();
            timetable = Timetable.Create(input.TimeZone ?? "", periods);
        }
        catch (DomainValidationException e)
        {
            return AppProblem.From(e);
        }

        var settings = await LoadAsync(ct);
        settings.TimeZoneId = timetable.Zone.Id;
        settings.PeriodsJson = SiteSettings.Serialize(timetable.Periods);
        // Checked inside the save's transaction, after the rooms are stamped: a booking committed before is seen
        // here, and one not committed yet fails its room-version check and is decided under the new timetable.
        if (await SaveAsync(settings, ct, async () =>
            {
                var now = clock.GetUtcNow();
                var active = await db.Bookings.AsNoTracking()
                    .Where(b => BookingStates.Active.Contains(b.State) && b.EndsAt > now).ToListAsync(ct);
                var check = Domain.Bookings.Booking.CheckTimetableChange(timetable, active, now);
                return check.IsOk ? null : AppProblem.From(check.Refusal!, timetable.Zone);
            }) is { } problem) return problem;
        return new TimetableDto(timetable.Zone.Id, timetable.Periods.Select(ToDto).ToList());
    }

    /// <summary>
    /// Replaces the booking window rule, and the no-show settings when given: <c>noShowMinutes</c> (0..1440) and
    /// <c>seriesNoShowStrikes</c> (0..<see cref="MaxSeriesNoShowStrikes"/>, issue 22). Unknown mode or out-of-range numbers → invalid-input.
    /// </summary>
    public async Task<AppResult<BookingWindowDto>> SetBookingWindowAsync(BookingWindowDto input, CancellationToken ct = default)
    {
        BookingWindowRule rule;
        try
        {
            rule = Enum.TryParse<BookingWindowMode>(input.Mode, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                ? mode switch
                {
                    BookingWindowMode.LeadTime => BookingWindowRule.LeadTimeBefore(TimeSpan.FromMinutes(input.LeadMinutes ?? -1)),
                    BookingWindowMode.DailyAt => TimeInput.TryParseOpening(input.DailyAt, out var at)
                        ? BookingWindowRule.DailyAtTime(at, input.DaysBefore ?? 0)
                        : throw new DomainValidationException("dailyAt", new DomainMessage("DailyAtFormat", "Give the opening time of day as HH:mm.")),
                    _ => BookingWindowRule.AtPeriodStart,
                }
                : throw new DomainValidationException("mode", new DomainMessage("WindowModeUnknown", "Mode must be AtPeriodStart, LeadTime or DailyAt."));
            if (input.NoShowMinutes is < 0 or > 24 * 60)
                throw new DomainValidationException("noShowMinutes", new DomainMessage("NoShowMinutesOutOfRange", "The no-show limit must be between 0 (off) and 1440 minutes."));
            if (input.SeriesNoShowStrikes is < 0 or > MaxSeriesNoShowStrikes)
                throw new DomainValidationException("seriesNoShowStrikes", new DomainMessage("SeriesNoShowStrikesOutOfRange",
                    $"A series ends after 0 (never) to {MaxSeriesNoShowStrikes} no-shows in a row.", MaxSeriesNoShowStrikes));
        }
        catch (DomainValidationException e)
        {
            return AppProblem.From(e);
        }

        var settings = await LoadAsync(ct);
        settings.WindowMode = rule.Mode;
        settings.LeadMinutes = (int)rule.Lead.TotalMinutes;
        settings.DailyAt = rule.DailyAt;
        settings.DaysBefore = rule.DaysBefore;
        if (input.NoShowMinutes is { } noShow) settings.NoShowMinutes = noShow;
        if (input.SeriesNoShowStrikes is { } strikes) settings.SeriesNoShowStrikes = strikes;
        if (await SaveAsync(settings, ct) is { } conflict) return conflict;
        return ToDto(rule, settings.NoShowMinutes, settings.SeriesNoShowStrikes);
    }

    /// <summary>The booking limits per member in force.</summary>
    public async Task<BookingLimitsDto> GetBookingLimitsAsync(CancellationToken ct = default) =>
        BookingLimitsDto.From((await rules.GetAsync(ct)).Limits);

    /// <summary>
    /// Replaces the booking limits. Every limit is required, 0 (no limit) to 1000 → otherwise invalid-input.
    /// A lower limit applies to new bookings only: bookings already held are kept.
    /// </summary>
    public async Task<AppResult<BookingLimitsDto>> SetBookingLimitsAsync(BookingLimitsDto input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors()
            .AddIf(input.MaxPerPeriod is null, "maxPerPeriod", new DomainMessage("MaxPerPeriodRequired", "Give the most bookings per period (0 = no limit)."))
            .AddIf(input.MaxPerDay is null, "maxPerDay", new DomainMessage("MaxPerDayRequired", "Give the most bookings per day (0 = no limit)."))
            .AddIf(input.MaxUpcoming is null, "maxUpcoming", new DomainMessage("MaxUpcomingRequired", "Give the most upcoming bookings (0 = no limit)."));
        BookingLimits? limits = null;
        try
        {
            limits = BookingLimits.Create(input.MaxPerPeriod ?? 0, input.MaxPerDay ?? 0, input.MaxUpcoming ?? 0,
                input.AdminsExempt ?? (await rules.GetAsync(ct)).Limits.AdminsExempt);
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Messages)
                foreach (var message in messages) errors.Add(field, message);
        }
        if (errors.Any || limits is null) return AppProblem.Invalid(errors.ToMessages());

        var settings = await LoadAsync(ct);
        settings.MaxPerPeriod = limits.MaxPerPeriod;
        settings.MaxPerDay = limits.MaxPerDay;
        settings.MaxUpcoming = limits.MaxUpcoming;
        settings.LimitsExemptAdmins = limits.AdminsExempt;
        if (await SaveAsync(settings, ct) is { } conflict) return conflict;
        return BookingLimitsDto.From(limits);
    }

    /// <summary>The site's default language.</summary>
    public async Task<SiteLanguageDto> GetLanguageAsync(CancellationToken ct = default) => new(await language.DefaultAsync(ct));

    /// <summary>Sets the site's default language; anything but a supported language name ("ko", "en") → invalid-input.</summary>
    public async Task<AppResult<SiteLanguageDto>> SetLanguageAsync(SiteLanguageDto input, CancellationToken ct = default)
    {
        var name = input.DefaultLanguage?.Trim().ToLowerInvariant();
        if (!SiteCultures.IsSupported(name))
            return AppProblem.Invalid("defaultLanguage", text["UnknownLanguage", string.Join(", ", SiteCultures.Supported)]);

        var settings = await LoadAsync(ct);
        settings.DefaultLanguage = name!;
        if (await SaveAsync(settings, ct) is { } conflict) return conflict;
        return new SiteLanguageDto(name);
    }

    private async Task<SiteSettings> LoadAsync(CancellationToken ct)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        return settings;
    }

    /// <summary>
    /// Saves the settings as the next version, in one transaction with what keeps every instance coherent (issue 21):
    /// every room is stamped with the new version (<see cref="Domain.Rooms.Room.RulesVersion"/>) and its concurrency
    /// version bumped first, so a booking not committed yet is decided again under the new rules; then
    /// <paramref name="checkInside"/> (if given) may refuse the change with a problem (nothing is saved); then the
    /// settings row and a <see cref="SiteRulesChanged"/> in the outbox, which every instance's change feed applies
    /// (<see cref="SiteRulesFeed"/>). Another admin's save in between (or a first save racing another) is answered
    /// as a conflict.
    /// </summary>
    private async Task<AppProblem?> SaveAsync(SiteSettings settings, CancellationToken ct, Func<Task<AppProblem?>>? checkInside = null)
    {
        var version = ++settings.Version;
        var gate = db.WriteGate(); // SQLite: one writer for the whole transaction
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Rooms.ExecuteUpdateAsync(r => r
                .SetProperty(x => x.RulesVersion, version)
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (checkInside is not null && await checkInside() is { } refused) return refused; // rolled back on dispose
            db.AddToOutbox(new SiteRulesChanged(version, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("SettingsChangedMeanwhile"));
        }
        finally
        {
            gate?.Release();
            rules.InvalidateBefore(version); // this instance at once; the others by the event
        }
        return null;
    }

    private static PeriodDto ToDto(Period p) => new(p.Start.ToString("HH:mm"), p.End.ToString("HH:mm"));

    private static BookingWindowDto ToDto(BookingWindowRule r, int noShowMinutes, int seriesNoShowStrikes) =>
        new(r.Mode.ToString(), (int)r.Lead.TotalMinutes, TimeInput.FormatOpening(r.DailyAt), r.DaysBefore, noShowMinutes, seriesNoShowStrikes);
}
