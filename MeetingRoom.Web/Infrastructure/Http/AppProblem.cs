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

/// <summary>The stable problem codes (the last part of each problem <c>type</c>).</summary>
public static class ProblemCodes
{
    public const string InvalidInput = "invalid-input";
    public const string NotOpenYet = "not-open-yet";
    public const string SlotTaken = "slot-taken";
    public const string NotTheBooker = "not-the-booker";
    public const string WrongState = "wrong-state";
    public const string RoomOutOfService = "room-out-of-service";
    public const string PeriodOver = "period-over";
    public const string UnknownRoom = "unknown-room";
    public const string UnknownPeriod = "unknown-period";
    public const string UnknownBooking = "unknown-booking";
    public const string AdminOnly = "admin-only";
    public const string RoomNameTaken = "room-name-taken";
    public const string MemberLimit = "member-limit";
    public const string SlotFree = "slot-free";
    public const string AlreadyWaiting = "already-waiting";
    public const string AlreadyYours = "already-yours";
    public const string UnknownWaitlistEntry = "unknown-waitlist-entry";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Conflict = "conflict";
    public const string TooManyRequests = "too-many-requests";
    public const string ServerError = "server-error";
    public const string PayloadTooLarge = "http-413";
    public const string UnsupportedMediaType = "http-415";
    public const string HeadersTooLarge = "http-431";
    public const string RegistrationClosed = "registration-closed";
    public const string TimetableInUse = "timetable-in-use";
    public const string DatabaseUnavailable = "database-unavailable";
    public const string UnknownDoorDisplay = "unknown-door-display";
    public const string CheckInCodeExpired = "checkin-code-expired";
    public const string UnknownMember = "unknown-member";
    public const string LastAdmin = "last-admin";
    public const string CannotDeactivateSelf = "cannot-deactivate-self";
    public const string WrongStatus = "wrong-status";
    public const string TooManyApiTokens = "too-many-api-tokens";
    public const string UnknownApiToken = "unknown-api-token";
    public const string MemberExists = "member-exists";
    public const string InvalidLink = "invalid-link";
    /// <summary>Email + password sign-in is off (<c>Auth:LocalAccounts</c> false): sign in through single sign-on.</summary>
    public const string LocalAccountsOff = "local-accounts-off";

    /// <summary>
    /// Every code the API answers with and its HTTP status: the README's problem list is checked against it,
    /// and endpoints declare their problems by code (<see cref="ApiConventions.Problems"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Statuses = new Dictionary<string, int>
    {
        [InvalidInput] = 400,
        [Unauthenticated] = 401,
        [NotTheBooker] = 403, [AdminOnly] = 403, [Forbidden] = 403, [RegistrationClosed] = 403,
        [UnknownRoom] = 404, [UnknownPeriod] = 404, [UnknownBooking] = 404, [UnknownWaitlistEntry] = 404, [UnknownDoorDisplay] = 404, [NotFound] = 404,
        [MethodNotAllowed] = 405,
        [SlotTaken] = 409, [NotOpenYet] = 409, [WrongState] = 409, [PeriodOver] = 409, [RoomOutOfService] = 409,
        [RoomNameTaken] = 409, [Conflict] = 409, [TimetableInUse] = 409,
        [MemberLimit] = 409, [SlotFree] = 409, [AlreadyWaiting] = 409, [AlreadyYours] = 409,
        [PayloadTooLarge] = 413, [UnsupportedMediaType] = 415,
        [TooManyRequests] = 429, [HeadersTooLarge] = 431,
        [CheckInCodeExpired] = 410,
        [ServerError] = 500,
        [DatabaseUnavailable] = 503,
        [UnknownMember] = 404, [LastAdmin] = 409, [CannotDeactivateSelf] = 409, [WrongStatus] = 409,
        [TooManyApiTokens] = 409, [UnknownApiToken] = 404,
        [MemberExists] = 409, [InvalidLink] = 410,
        [LocalAccountsOff] = 403,
    };

    /// <summary>The code used for a bare status code the framework produced (no service involved).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidInput,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        429 => TooManyRequests,
        >= 500 => ServerError,
        _ => $"http-{status}",
    };
}

/// <summary>A service's answer: a value, or the problem that prevented it.</summary>
public readonly record struct AppResult<T>(T? Value, AppProblem? Problem)
{
    public bool IsOk => Problem is null;
    public static implicit operator AppResult<T>(T value) => new(value, null);
    public static implicit operator AppResult<T>(AppProblem problem) => new(default, problem);
    public static implicit operator AppResult<T>(BookingRefusal refusal) => new(default, AppProblem.From(refusal));

    public AppResult<TOut> Map<TOut>(Func<T, TOut> map) => IsOk ? map(Value!) : Problem!;
}
