using SocialBot.NetworkBench;

return await NetworkBenchProgram.RunAsync(args, Console.Out);
