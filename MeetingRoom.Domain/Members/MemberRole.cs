namespace MeetingRoom.Domain.Members;

/// <summary>The role a member is given: a plain member, or an admin (who is a member too).</summary>
public enum MemberRole
{
    Member,
    Admin,
}
