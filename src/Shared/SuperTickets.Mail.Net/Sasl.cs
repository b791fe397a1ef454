using System.Text;

namespace SuperTickets.Mail.Net;

/// <summary>SASL initial responses shared by IMAP and SMTP.</summary>
internal static class Sasl
{
    public static string Plain(string username, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{username}\0{password}"));

    public static string XOAuth2(string username, string accessToken) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"user={username}\u0001auth=Bearer {accessToken}\u0001\u0001"));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
