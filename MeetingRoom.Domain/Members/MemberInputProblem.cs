namespace MeetingRoom.Domain.Members;

/// <summary>One field's problem: the field (<c>email</c>, <c>name</c>, <c>role</c>) and what is wrong with it.</summary>
public sealed record MemberInputProblem(string Field, MemberInputError Error);
