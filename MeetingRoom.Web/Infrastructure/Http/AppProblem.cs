using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// Why an application service could not do what was asked, in the words both the UI and the API
/// use. The API writes it as an RFC 7807 problem whose <c>type</c> is <see cref="Type"/>
/// (<c>urn:meetingroom:problem:{code}</c>, stable across releases).
/// </summary>
/// <param name="Code">Stable kebab-case reason, e.g. "slot-taken".</param>
/// <param name="Status">HTTP status the API answers with.</param>
/// <param name="Title">Short summary, the same for every occurrence of the code.</param>
/// <param name="Detail">What happened this time, for a person.</param>
/// <param name="Errors">Field (camelCase) → messages, for invalid input.</param>
/// <param name="OpensAt">For not-open-yet: when it opens (UTC instant).</param>
/// <param name="RetryAfter">For too-many-requests: when to try again (HTTP Retry-After, whole seconds).</param>
/// <param name="Extensions">Further members of the problem (e.g. member-limit: <c>limit</c>, <c>max</c>, <c>bookings</c>; timetable-in-use: <c>bookings</c> in the way).</param>
public sealed record AppProblem(
    string Code, int Status, string Title, string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    DateTimeOffset? OpensAt = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public const string TypePrefix = "urn:meetingroom:problem:";

    public string Type => TypePrefix + Code;

    /// <summary>Invalid input: field (camelCase) → messages already in the reader's language.</summary>
    public static AppProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemCodes.InvalidInput, 400, ProblemText.Get("TitleInvalidInput"),
            string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    /// <summary>Invalid input: field → language-neutral messages, worded in the current UI culture.</summary>
    public static AppProblem Invalid(IReadOnlyDictionary<string, DomainMessage[]> errors) => Invalid(ProblemText.Of(errors));

    public static AppProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static AppProblem From(DomainValidationException e) => Invalid(e.Messages);

    /// <summary>A 404 whose detail is already in the reader's language.</summary>
    public static AppProblem NotFound(string code, string detail) => new(code, 404, ProblemText.Get("TitleNotFound"), detail);

    public static AppProblem Conflict(string code, string title, string detail) => new(code, 409, title, detail);

    /// <summary>
    /// Maps a domain refusal to its problem (one place for every feature), worded in the current UI culture from
    /// resources keyed by the reason (title <c>Title{Reason}</c>, detail <c>Refusal{Reason}</c> or the refusal's own
    /// <see cref="BookingRefusal.Detail"/> key). With the site's <paramref name="zone"/>, an opening instant is given in
    /// site-local time.
    /// </summary>
    public static AppProblem From(BookingRefusal refusal, TimeZoneInfo? zone = null)
    {
        var code = CodeOf(refusal.Reason);
        var title = ProblemText.Get("Title" + refusal.Reason);
        var detail = DetailOf(refusal, zone);
        return refusal.Reason switch
        {
            RefusalReason.NotOpenYet => new(code, 409, title, detail,
                OpensAt: refusal.OpensAt is { } at && zone is not null ? SiteClock.ToLocal(at, zone) : refusal.OpensAt),
            RefusalReason.ReasonRequired => Invalid("reason", detail),
            RefusalReason.InvalidInput => Invalid(refusal.Field ?? "input", detail),
            RefusalReason.MemberLimit => new(code, 409, title, detail,
                Extensions: new Dictionary<string, object?>
                {
                    ["limit"] = refusal.Limit is { } kind ? BookingLimits.NameOf(kind) : null,
                    ["max"] = refusal.LimitValue,
                    ["bookings"] = refusal.Bookings ?? [],
                }),
            RefusalReason.TimetableInUse => new(code, 409, title, detail,
                Extensions: new Dictionary<string, object?> { ["bookings"] = refusal.Bookings ?? [] }),
            _ => new(code, ProblemCodes.Statuses[code], title, detail),
        };
    }

    /// <summary>The stable problem code of a refusal reason.</summary>
    public static string CodeOf(RefusalReason reason) => reason switch
    {
        RefusalReason.NotOpenYet => ProblemCodes.NotOpenYet,
        RefusalReason.SlotTaken => ProblemCodes.SlotTaken,
        RefusalReason.NotTheBooker => ProblemCodes.NotTheBooker,
        RefusalReason.WrongState => ProblemCodes.WrongState,
        RefusalReason.RoomOutOfService => ProblemCodes.RoomOutOfService,
        RefusalReason.PeriodOver => ProblemCodes.PeriodOver,
        RefusalReason.UnknownRoom => ProblemCodes.UnknownRoom,
        RefusalReason.UnknownPeriod => ProblemCodes.UnknownPeriod,
        RefusalReason.UnknownBooking => ProblemCodes.UnknownBooking,
        RefusalReason.AdminOnly => ProblemCodes.AdminOnly,
        RefusalReason.ReasonRequired => ProblemCodes.InvalidInput,
        RefusalReason.MemberLimit => ProblemCodes.MemberLimit,
        RefusalReason.SlotFree => ProblemCodes.SlotFree,
        RefusalReason.AlreadyWaiting => ProblemCodes.AlreadyWaiting,
        RefusalReason.AlreadyYours => ProblemCodes.AlreadyYours,
        RefusalReason.InvalidInput => ProblemCodes.InvalidInput,
        RefusalReason.TimetableInUse => ProblemCodes.TimetableInUse,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>What the refusal says this time, in the current UI culture.</summary>
    private static string DetailOf(BookingRefusal refusal, TimeZoneInfo? zone) => refusal switch
    {
        { Reason: RefusalReason.NotOpenYet, OpensAt: { } at } when zone is not null =>
            ProblemText.Get("RefusalNotOpenYetAt", ProblemText.Format.DayAndTime(SiteClock.ToLocal(at, zone)), zone.Id),
        { Reason: RefusalReason.NotOpenYet, OpensAt: { } at } =>
            ProblemText.Get("RefusalNotOpenYetAt", ProblemText.Format.DayAndTime(at.ToUniversalTime()), "UTC"),
        { Reason: RefusalReason.TimetableInUse } => ProblemText.Get("RefusalTimetableInUse", refusal.Bookings?.Count ?? 0),
        { Detail: { } message } => ProblemText.Of(message),
        _ => ProblemText.Get("Refusal" + refusal.Reason),
    };
}
