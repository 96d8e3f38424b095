package demo;

public class Hello {

    public String handleRequest(String input) {
        return "hello " + input;
    }
}
