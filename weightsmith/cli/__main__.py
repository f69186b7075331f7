from weightsmith.cli import main

main()
