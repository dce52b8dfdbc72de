from gov_disclosure.cli import main

main()
