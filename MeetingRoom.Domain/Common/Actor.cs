namespace MeetingRoom.Domain.Common;

/// <summary>A member's identity: the user id of the sign-in system (opaque string).</summary>
public readonly record struct MemberId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Who asks for a transition: a member, and whether they hold the Admin role.</summary>
public sealed record Actor(MemberId Id, bool IsAdmin)
{
    public static Actor Member(string id) => new(new MemberId(id), false);
    public static Actor Admin(string id) => new(new MemberId(id), true);
}
