namespace OpenAI.Gen;

/// <summary>
/// The members every chunk of a stream repeats (id, created, model, system fingerprint), folded the same way for
/// both endpoints: the first non-empty value wins, so a leading chunk with empty values (some proxies send one)
/// does not blank them; the fingerprint keeps the last non-null value and stays unset if no chunk had one.
/// </summary>
internal sealed class ChunkIdentity
{
    public string? Id { get; private set; }

    public int Created { get; private set; }

    public string? Model { get; private set; }

    public bool HasSystemFingerprint { get; private set; }

    public string? SystemFingerprint { get; private set; }

    public void Append(string? id, int created, string? model, bool hasSystemFingerprint, string? systemFingerprint)
    {
        if (string.IsNullOrEmpty(Id))
        {
            Id = id;
        }

        if (Created == 0)
        {
            Created = created;
        }

        if (string.IsNullOrEmpty(Model))
        {
            Model = model;
        }

        if (hasSystemFingerprint)
        {
            HasSystemFingerprint = true;
            SystemFingerprint = systemFingerprint ?? SystemFingerprint;
        }
    }
}
