using System.Security.Claims;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Schedule.Door;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>The QR code image of a check-in URL (QRCoder, PNG; no System.Drawing).</summary>
public static class CheckInQr
{
    public static string UrlOf(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}{request.PathBase}/checkin/{code}";

    public static byte[] Png(string text) => QRCoder.PngByteQRCodeHelper.GetQRCode(text, QRCoder.QRCodeGenerator.ECCLevel.Q, 10);
}
