namespace MeetingRoom.Domain.Members;

/// <summary>What is wrong with one field of a person to invite (P1); the CSV import names each with a stable code.</summary>
public enum MemberInputError
{
    /// <summary>No email address.</summary>
    EmailMissing,
    /// <summary>Not one plain email address (<c>name@example.com</c>), or longer than <see cref="MemberInput.MaxEmailLength"/>.</summary>
    EmailInvalid,
    /// <summary>No name.</summary>
    NameMissing,
    /// <summary>A name longer than <see cref="MemberInput.MaxNameLength"/> characters.</summary>
    NameTooLong,
    /// <summary>A role that is neither <c>Member</c> nor <c>Admin</c>.</summary>
    RoleUnknown,
    /// <summary>A control character (NUL, a line break, ESC …) in a field.</summary>
    ControlCharacters,
}
