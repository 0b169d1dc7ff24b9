-- One database per subgraph: no subgraph can read another's tables.
create database territory;
create database governance;
create database production;
create database budget;
