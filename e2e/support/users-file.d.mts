export function usersFile(port: string | number): string;
