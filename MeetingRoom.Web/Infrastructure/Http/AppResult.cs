using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>A service's answer: a value, or the problem that prevented it.</summary>
public readonly record struct AppResult<T>(T? Value, AppProblem? Problem)
{
    public bool IsOk => Problem is null;
    public static implicit operator AppResult<T>(T value) => new(value, null);
    public static implicit operator AppResult<T>(AppProblem problem) => new(default, problem);
    public static implicit operator AppResult<T>(BookingRefusal refusal) => new(default, AppProblem.From(refusal));

    public AppResult<TOut> Map<TOut>(Func<T, TOut> map) => IsOk ? map(Value!) : Problem!;
}
