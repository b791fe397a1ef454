namespace SuperTickets.Llm;

/// <summary>Which language model service, if any, the process talks to.</summary>
public enum LlmProvider
{
    /// <summary>No language model: everything runs on the local models.</summary>
    None,

    /// <summary>Amazon Bedrock through the Converse API, signed with SigV4.</summary>
    Bedrock,

    /// <summary>Any endpoint that speaks the OpenAI chat completions API (OpenAI, Azure, vLLM, Ollama, Bedrock's compatible endpoint).</summary>
    OpenAI,
}
