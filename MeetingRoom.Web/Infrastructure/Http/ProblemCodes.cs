using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Infrastructure.Http;

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
    /// <summary>No such series (issue 22).</summary>
    public const string UnknownSeries = "unknown-series";
    /// <summary>Saving a series while some of its occurrences cannot be booked, without <c>skipConflicts</c> (issue 22).</summary>
    public const string SeriesConflicts = "series-conflicts";
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
        [UnknownSeries] = 404, [SeriesConflicts] = 409,
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
