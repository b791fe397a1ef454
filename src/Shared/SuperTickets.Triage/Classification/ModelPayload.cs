namespace SuperTickets.Triage.Classification;

/// <summary>Reads and writes the metadata block of the model payload.</summary>
internal static class ModelPayload
{
    public static void WriteMetadata(BinaryWriter writer, ModelMetadata m)
    {
        writer.Write(m.Labels.Count);
        foreach (var label in m.Labels) writer.Write(label);
        writer.Write(m.OutOfScopeLabel is not null);
        if (m.OutOfScopeLabel is not null) writer.Write(m.OutOfScopeLabel);
        var f = m.Features;
        writer.Write(f.HashBits);
        writer.Write(f.MaxWordNgram);
        writer.Write(f.MinCharNgram);
        writer.Write(f.MaxCharNgram);
        writer.Write(f.UseIdf);
        writer.Write(f.MinDocumentFrequency);
        writer.Write(m.TrainedAt.UtcTicks);
        writer.Write(m.TrainingExamples);
        writer.Write(m.ValidationExamples);
        writer.Write(m.Epochs);
        writer.Write(m.Seed);
        writer.Write(m.FeatureRows);
        writer.Write(m.Temperature);
        writer.Write(m.UnsureThreshold);
        writer.Write(m.ValidationAccuracy);
        writer.Write(m.ValidationMacroF1);
    }

    public static ModelMetadata ReadMetadata(BinaryReader reader)
    {
        var labelCount = reader.ReadInt32();
        if (labelCount is < 2 or > 100_000) throw new InvalidDataException($"label count {labelCount} is out of range.");
        var labels = new string[labelCount];
        for (var i = 0; i < labelCount; i++) labels[i] = reader.ReadString();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length) throw new InvalidDataException("labels are not unique.");
        var oos = reader.ReadBoolean() ? reader.ReadString() : null;
        var features = new FeatureOptions
        {
            HashBits = reader.ReadInt32(),
            MaxWordNgram = reader.ReadInt32(),
            MinCharNgram = reader.ReadInt32(),
            MaxCharNgram = reader.ReadInt32(),
            UseIdf = reader.ReadBoolean(),
            MinDocumentFrequency = reader.ReadInt32(),
        };
        features.Validate();
        var trainedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var metadata = new ModelMetadata(
            labels, oos, features, trainedAt,
            TrainingExamples: reader.ReadInt32(),
            ValidationExamples: reader.ReadInt32(),
            Epochs: reader.ReadInt32(),
            Seed: reader.ReadInt32(),
            FeatureRows: reader.ReadInt32(),
            Temperature: reader.ReadSingle(),
            UnsureThreshold: reader.ReadSingle(),
            ValidationAccuracy: reader.ReadDouble(),
            ValidationMacroF1: reader.ReadDouble());
        if (!(metadata.Temperature > 0) || float.IsInfinity(metadata.Temperature))
            throw new InvalidDataException("temperature must be a positive number.");
        return metadata;
    }
}
