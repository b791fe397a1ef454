using System.Net.Security;
using System.Security.Cryptography;

namespace SuperTickets.Mail.Net;

/// <summary>Certificate validation that accepts exactly one certificate, identified by its SHA-256 fingerprint.</summary>
public static class CertificatePin
{
    /// <summary>Accepts only the certificate whose DER encoding hashes to <paramref name="sha256Hex"/> (colons and case ignored).</summary>
    public static RemoteCertificateValidationCallback Sha256(string sha256Hex)
    {
        var expected = Convert.FromHexString(sha256Hex.Replace(":", string.Empty, StringComparison.Ordinal));
        if (expected.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("A SHA-256 fingerprint has 32 bytes (64 hex digits).", nameof(sha256Hex));
        }

        return (_, certificate, _, _) =>
            certificate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), expected);
    }

    /// <summary>The fingerprint of a certificate in the form <see cref="Sha256"/> accepts.</summary>
    public static string Fingerprint(System.Security.Cryptography.X509Certificates.X509Certificate certificate) =>
        Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
}
