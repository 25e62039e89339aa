using Microchain.Cli;

return await MicrochainCommand.InvokeAsync(args, Console.Out, Console.Error);
