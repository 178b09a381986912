namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// One data line of an imported member file, as read: its line number in the file (the header is line 1, so it is
/// the row number a spreadsheet shows), the three fields (trimmed; empty when missing), and whether its quoting was
/// broken (the reader recovered a value, which may not be what the author meant).
/// </summary>
public sealed record CsvMemberLine(int Line, string Name, string Email, string Role, bool Malformed);
