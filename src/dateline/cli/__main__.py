from dateline.cli.commands import main

main()
