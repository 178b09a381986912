namespace MeetingRoom.Domain.Common;

/// <summary>A member's identity: the user id of the sign-in system (opaque string).</summary>
public readonly record struct MemberId(string Value)
{
    /// <summary>The application itself, for transitions driven by the clock (auto-release, auto-end).</summary>
    public static readonly MemberId System = new("system");

    public override string ToString() => Value;
}

/// <summary>Who asks for a transition: a member, and whether they hold the Admin role.</summary>
public sealed record Actor(MemberId Id, bool IsAdmin)
{
    public static Actor Member(string id) => new(new MemberId(id), false);
    public static Actor Admin(string id) => new(new MemberId(id), true);
}
