using System.Security.Cryptography;
using System.Text;

namespace FuncLabel.Data.Training;

/// <summary>
/// Attempt ids: <c>{h}.{u}</c> where <c>h</c> is the base64url SHA-256 of (project, exam, attempt number), truncated
/// to 16 characters, and <c>u</c> is the owner's user id in base64url. Deterministic, so two concurrent starts of the
/// same attempt number collide on create and one of them moves on (the attempts limit holds exactly); and
/// self-locating, so <c>GET /api/attempts/{attemptId}</c> finds the owner's partition with one point read, for the
/// owner and for admins alike. Neither part contains <c>/</c>.
/// </summary>
internal static class AttemptIds
{
    public static string For(string userId, string projectId, string examId, int number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{projectId}\n{examId}\n{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return Base64Url(hash)[..16] + "." + Base64Url(Encoding.UTF8.GetBytes(userId));
    }

    /// <summary>The owner's user id encoded in <paramref name="attemptId"/>, or null when it is not an attempt id.</summary>
    public static string? OwnerOf(string attemptId)
    {
        var dot = attemptId.IndexOf('.', StringComparison.Ordinal);
        if (dot != 16 || attemptId.Length == dot + 1)
        {
            return null;
        }

        var encoded = attemptId[(dot + 1)..].Replace('-', '+').Replace('_', '/');
        encoded = encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=');
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
